using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>The words the format accepts for enumerations, and which keys each trigger kind and distribution family takes.</summary>
internal static class Vocabulary
{
    public static IReadOnlyDictionary<string, PartKind> PartKinds { get; } = new Dictionary<string, PartKind>
    {
        ["jis"] = PartKind.Jis,
        ["jit"] = PartKind.Jit,
        ["bulk"] = PartKind.Bulk,
    };

    public static IReadOnlyDictionary<string, ItFunction> Functions { get; } = new Dictionary<string, ItFunction>
    {
        ["production_control"] = ItFunction.ProductionControl,
        ["order_transmission"] = ItFunction.OrderTransmission,
        ["logistics"] = ItFunction.Logistics,
    };

    public static IReadOnlyDictionary<string, DisruptionKind> DisruptionKinds { get; } = new Dictionary<string, DisruptionKind>
    {
        ["outage"] = DisruptionKind.Outage,
        ["planned_stop"] = DisruptionKind.PlannedStop,
    };

    public static IReadOnlyDictionary<string, TriggerKind> TriggerKinds { get; } = new Dictionary<string, TriggerKind>
    {
        ["sequence"] = TriggerKind.Sequence,
        ["kanban"] = TriggerKind.Kanban,
        ["base_stock"] = TriggerKind.BaseStock,
        ["schedule"] = TriggerKind.Schedule,
    };

    /// <summary>Keys besides <c>kind</c> that each trigger kind takes.</summary>
    public static IReadOnlyDictionary<TriggerKind, string[]> TriggerKeys { get; } = new Dictionary<TriggerKind, string[]>
    {
        [TriggerKind.Sequence] = ["lead_hours"],
        [TriggerKind.Kanban] = ["reorder_point", "quantity"],
        [TriggerKind.BaseStock] = ["review_hours", "order_up_to"],
        [TriggerKind.Schedule] = ["review_hours", "quantity"],
    };

    public static IReadOnlyDictionary<string, DistributionKind> Distributions { get; } = new Dictionary<string, DistributionKind>
    {
        ["fixed"] = DistributionKind.Fixed,
        ["exponential"] = DistributionKind.Exponential,
        ["normal"] = DistributionKind.Normal,
        ["lognormal"] = DistributionKind.LogNormal,
        ["gamma"] = DistributionKind.Gamma,
        ["weibull"] = DistributionKind.Weibull,
        ["triangular"] = DistributionKind.Triangular,
        ["uniform"] = DistributionKind.Uniform,
        ["empirical"] = DistributionKind.Empirical,
    };

    /// <summary>Keys besides <c>dist</c> that each family takes, all required.</summary>
    public static IReadOnlyDictionary<DistributionKind, string[]> DistributionKeys { get; } = new Dictionary<DistributionKind, string[]>
    {
        [DistributionKind.Fixed] = ["value"],
        [DistributionKind.Exponential] = ["mean"],
        [DistributionKind.Normal] = ["mean", "std"],
        [DistributionKind.LogNormal] = ["mean", "std"],
        [DistributionKind.Gamma] = ["shape", "scale"],
        [DistributionKind.Weibull] = ["shape", "scale"],
        [DistributionKind.Triangular] = ["min", "mode", "max"],
        [DistributionKind.Uniform] = ["min", "max"],
        [DistributionKind.Empirical] = ["values"],
    };

    /// <summary>The written name of an enum value of one of the vocabularies.</summary>
    public static string NameOf<T>(IReadOnlyDictionary<string, T> vocabulary, T value)
        where T : struct => vocabulary.First(e => EqualityComparer<T>.Default.Equals(e.Value, value)).Key;
}
