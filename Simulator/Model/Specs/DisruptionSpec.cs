namespace Simulator.Model.Specs;

/// <summary>What a disruption is: a failure, or a stop someone decided.</summary>
public enum DisruptionKind
{
    /// <summary>An IT system, provider or node fails: its functions are down until it is restored.</summary>
    Outage,

    /// <summary>
    /// The carmaker stops lines, plants or suppliers on purpose (a pre-emptive stop, a non-working day decided at short
    /// notice): a stopped line does not build, a stopped supplier neither builds nor ships, and cause chains name the plan.
    /// </summary>
    PlannedStop,
}

/// <summary>An outage or a planned stop injected into the run.</summary>
/// <param name="Id">Disruption id.</param>
/// <param name="Targets">IT systems, providers (every system they own) or nodes (plants, lines, suppliers: every function down); a planned stop names nodes only.</param>
/// <param name="StartHours">Hour the outage starts.</param>
/// <param name="Duration">Hours until the targets are restored.</param>
/// <param name="Recovery">What happens after restore.</param>
/// <param name="Kind">An outage (the default) or a planned stop.</param>
public sealed record DisruptionSpec(
    string Id,
    IReadOnlyList<string> Targets,
    double StartHours,
    DistributionSpec Duration,
    RecoverySpec Recovery,
    DisruptionKind Kind = DisruptionKind.Outage);

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
