namespace Simulator.Scenarios;

/// <summary>
/// The keys valid in each kind of mapping of a scenario file. One table drives unknown-key detection,
/// did-you-mean suggestions and the schema consistency test, so the three cannot drift apart.
/// Section names are the <c>$defs</c> names in docs/scenario.schema.json ("scenario" is the root).
/// </summary>
internal static class ScenarioKeys
{
    public const string Scenario = "scenario";
    public const string Calendar = "calendar";
    public const string Shift = "shift";
    public const string Part = "part";
    public const string Plant = "plant";
    public const string Line = "line";
    public const string Restart = "restart";
    public const string BomItem = "bom_item";
    public const string LineStock = "line_stock";
    public const string Supplier = "supplier";
    public const string Product = "product";
    public const string FinishedStock = "finished_stock";
    public const string InputStock = "input_stock";
    public const string Lane = "lane";
    public const string Trigger = "trigger";
    public const string ItSystem = "it_system";
    public const string Fallback = "fallback";
    public const string Disruption = "disruption";
    public const string Recovery = "recovery";
    public const string RecoveryPhase = "recovery_phase";
    public const string Policy = "policy";
    public const string PartOverride = "part_override";
    public const string Distribution = "distribution";
    public const string State = "state";
    public const string InTransit = "in_transit";
    public const string Demand = "demand";
    public const string PlannedOutput = "planned_output";
    public const string PolicyFile = "policy_file";

    /// <summary>Valid keys per section, in the order the docs list them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BySection { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Scenario] =
        [
            "name", "description", "start", "time_zone", "horizon_hours", "sample_every_hours", "holding_cost_rate_per_year",
            "reference_hours", "calendars", "parts", "plants", "suppliers", "lanes", "it_systems", "disruptions", "policies", "state",
        ],
        [Calendar] = ["id", "shifts", "holidays"],
        [Shift] = ["days", "start", "end"],
        [Part] = ["id", "description", "unit_cost", "kind"],
        [Plant] = ["id", "name", "time_zone", "lines"],
        [Line] = ["id", "rate_per_hour", "calendar", "restart", "bom", "stock", "margin_per_unit"],
        [Restart] = ["stock_hours", "ramp_up_hours", "ramp_start_fraction"],
        [BomItem] = ["part", "quantity"],
        [LineStock] = ["part", "initial", "maximum"],
        [Supplier] = ["id", "name", "tier", "calendar", "time_zone", "recovery_hours", "capacity_per_hour", "products", "input_stock"],
        [Product] = ["part", "capacity_per_hour", "inputs", "finished"],
        [FinishedStock] = ["initial", "target"],
        [InputStock] = ["part", "initial", "target"],
        [Lane] = ["id", "from", "to", "part", "transit_hours", "dispatch_every_hours", "trigger", "share", "qualification_hours"],
        [Trigger] = ["kind", "lead_hours", "reorder_point", "quantity", "review_hours", "order_up_to"],
        [ItSystem] = ["id", "owner", "functions", "nodes", "lanes", "fallback", "recovery_hours"],
        [Fallback] = ["activation_hours", "capacity_fraction"],
        [Disruption] = ["id", "kind", "targets", "start", "end", "duration_hours", "recovery"],
        [Recovery] = ["ramp_up_hours", "phases"],
        [RecoveryPhase] = ["nodes", "after_hours", "functions"],
        [PolicyFile] = ["description", "policies"],
        [Policy] = ["id", "description", "line_side_cover_hours", "supplier_stock_days_by_tier", "parts", "fallback"],
        [PartOverride] = ["part", "at", "line_side", "supplier_finished"],
        [State] = ["in_transit", "demand", "planned_output"],
        [InTransit] = ["lane", "quantity", "arrival_hours", "reference"],
        [Demand] = ["part", "node", "supplier", "day", "quantity"],
        [PlannedOutput] = ["part", "node", "quantity", "completion_hours"],
        [Distribution] = ["dist", "value", "mean", "std", "min", "mode", "max", "shape", "scale", "values"],
    };

    /// <summary>Keys of a section.</summary>
    public static IReadOnlyList<string> Of(string section) => BySection[section];
}
