namespace Simulator.Model.Specs;

/// <summary>An outage injected into the run.</summary>
/// <param name="Id">Disruption id.</param>
/// <param name="Targets">IT systems, providers (every system they own) or nodes (plants, lines, suppliers: every function down).</param>
/// <param name="StartHours">Hour the outage starts.</param>
/// <param name="Duration">Hours until the targets are restored.</param>
/// <param name="Recovery">What happens after restore.</param>
public sealed record DisruptionSpec(
    string Id,
    IReadOnlyList<string> Targets,
    double StartHours,
    DistributionSpec Duration,
    RecoverySpec Recovery);

/// <summary>Recovery after a disruption ends.</summary>
/// <param name="RampUpHours">Ramp-up of lines restarting after this disruption, when longer than their own; null keeps the lines' rule.</param>
/// <param name="Phases">Later restore of some nodes, hours after the disruption's end.</param>
public sealed record RecoverySpec(double? RampUpHours, IReadOnlyList<RecoveryPhase> Phases)
{
    /// <summary>Everything restored at the end, lines ramp by their own rule.</summary>
    public static RecoverySpec Default { get; } = new(null, []);
}

/// <summary>Nodes (or some of their functions) whose restore is delayed after the disruption's end (phased restart).</summary>
/// <param name="Nodes">Plants, lines or suppliers restored in this phase.</param>
/// <param name="AfterHours">Hours after the disruption's end.</param>
/// <param name="Functions">The functions of those nodes this phase restores; the others follow an earlier or later phase, or the end.</param>
public sealed record RecoveryPhase(IReadOnlyList<string> Nodes, double AfterHours, ItFunction Functions = ItFunction.All);
