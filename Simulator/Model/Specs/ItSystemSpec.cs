namespace Simulator.Model.Specs;

/// <summary>What a node or lane cannot do while an IT system it depends on is down.</summary>
[Flags]
public enum ItFunction
{
    /// <summary>No function.</summary>
    None = 0,

    /// <summary>MES or line control: the dependent node cannot produce.</summary>
    ProductionControl = 1,

    /// <summary>EDI, sequence broadcast, call-offs: new orders do not reach the supplier.</summary>
    OrderTransmission = 2,

    /// <summary>WMS, TMS, yard: nothing is dispatched or received.</summary>
    Logistics = 4,

    /// <summary>Every function: a whole node is down.</summary>
    All = ProductionControl | OrderTransmission | Logistics,
}

/// <summary>A manual workaround that restores part of a function while its IT system is down.</summary>
/// <param name="ActivationHours">Hours after the outage starts until the fallback works.</param>
/// <param name="CapacityFraction">Fraction of normal capacity the fallback achieves, in (0, 1].</param>
public sealed record FallbackSpec(double ActivationHours, double CapacityFraction);

/// <summary>An IT system and who depends on it.</summary>
/// <param name="Id">System id.</param>
/// <param name="Owner">Plant, supplier or named provider that runs it.</param>
/// <param name="Functions">Functions that fail for the dependents while it is down.</param>
/// <param name="DependentNodes">Plants, lines and suppliers that depend on it (a plant includes its lines).</param>
/// <param name="DependentLanes">Lanes that depend on it.</param>
/// <param name="Fallback">Manual fallback, or null.</param>
/// <param name="RecoveryHours">Hours it needs to be fully restored after an outage (stress tests), or null.</param>
public sealed record ItSystemSpec(
    string Id,
    string Owner,
    ItFunction Functions,
    IReadOnlyList<string> DependentNodes,
    IReadOnlyList<string> DependentLanes,
    FallbackSpec? Fallback,
    double? RecoveryHours = null);
