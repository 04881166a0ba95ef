using Simulator.Scenarios;
using static Simulator.Tests.Scenarios.ScenarioText;

namespace Simulator.Tests.Scenarios;

/// <summary>
/// One test per validation rule: each breaks <see cref="ScenarioText.Minimal"/> in one place and checks the
/// problem's message, position (the '»' in the snippet), offending id, severity and that it carries a hint.
/// </summary>
public sealed class ValidationRuleTests
{
    private const string LaneToS1 = "trigger: { kind: kanban, reorder_point: 1d, quantity: 1d }";

    [Test]
    public void Minimal_scenario_is_valid_without_warnings()
    {
        var result = Load(Minimal);

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.IsValid, Is.True);
    }

    // Types, keys, required fields
    [TestCase("rate_per_hour: 10", "rate_per_hour: fast", "rate_per_hour must be a number, not 'fast'", "rate_per_hour: »fast", "L1", TestName = "Wrong_scalar_type_names_the_key_and_value")]
    [TestCase("rate_per_hour: 10", "rate_per_hour: [10]", "rate_per_hour must be a number, not a list", "rate_per_hour: »[10]", "L1", TestName = "List_where_a_number_belongs")]
    [TestCase("tier: 1", "tier: 1.5", "tier must be a whole number", "tier: »1.5", "S1", TestName = "Tier_must_be_a_whole_number")]
    [TestCase("rate_per_hour: 10", "rate_per_huor: 10", "unknown key 'rate_per_huor' in a line", "»rate_per_huor", "L1", TestName = "Unknown_key_is_reported_where_it_is_written")]
    [TestCase("        rate_per_hour: 10\n", "", "a line is missing required key 'rate_per_hour'", "      - »id: L1", "L1", TestName = "Missing_required_key_is_reported_at_its_mapping")]
    [TestCase("horizon_hours: 100\n", "", "the scenario is missing required key 'horizon_hours'", "»name: Test", null, TestName = "Missing_horizon_is_a_scenario_problem")]
    [TestCase("transit_hours: 1, trigger: { kind: sequence", "trigger: { kind: sequence", "a lane is missing required key 'transit_hours'", "  - »{ id: LA1", "LA1", TestName = "Missing_transit_is_reported_at_the_lane")]
    [TestCase("start: 2025-09-01T06:00:00+01:00", "start: 2025-09-01T06:00:00", "start must be an ISO-8601 timestamp with an offset", "start: »2025", null, TestName = "Start_needs_an_offset")]
    [TestCase("kind: jis }", "kind: jsi }", "unknown kind 'jsi'", "kind: »jsi", "P1", TestName = "Unknown_part_kind")]
    [TestCase("functions: [order_transmission]", "functions: [order-transmission]", "unknown function 'order-transmission'", "[»order-transmission]", "EDI", TestName = "Unknown_it_function")]
    [TestCase("- id: L1", "- id: L 1", "id 'L 1' may only contain", "- id: »L 1", "L 1", TestName = "Ids_are_plain_names")]
    [TestCase("kind: kanban, reorder_point: 1d", "kind: kanban, lead_hours: 2, reorder_point: 1d", "lead_hours does not apply to a kanban trigger", "kanban, »lead_hours", "LA2", TestName = "Trigger_keys_of_another_kind")]
    [TestCase("initial: 2h", "initial: lots", "initial must be a stock amount, not 'lots'", "initial: »lots", "L1", TestName = "Stock_amount_syntax")]
    [TestCase("initial: 2h", "initial: 9h, maximum: 4h", "initial stock (9 hours) exceeds maximum (4)", "initial: »9h", "L1", TestName = "Initial_stock_above_maximum")]

    // Duplicates and references
    [TestCase("id: S2", "id: PL", "duplicate id 'PL': already used by the plant at line 8", "- id: »PL\n    tier: 2", "PL", TestName = "Node_ids_share_one_space_across_plants_lines_and_suppliers")]
    [TestCase("{ id: LA2,", "{ id: LA1,", "duplicate id 'LA1': already used by the lane at line 28", "»LA1, from: S2", "LA1", TestName = "Duplicate_lane_id")]
    [TestCase("{ id: P2, kind: jit }", "{ id: P2, kind: jit }\n  - { id: P1 }", "duplicate id 'P1'", "{ id: »P1 }", "P1", TestName = "Duplicate_part_id")]
    [TestCase("{ part: P1, quantity: 1 }", "{ part: PX, quantity: 1 }", "unknown part 'PX'", "part: »PX", "L1", TestName = "Unknown_part_in_bom")]
    [TestCase("rate_per_hour: 10", "rate_per_hour: 10\n        calendar: two-shfit", "unknown calendar 'two-shfit'", "calendar: »two-shfit", "L1", TestName = "Unknown_calendar")]
    [TestCase("nodes: [PL]", "nodes: [PL, PX]", "unknown node 'PX'", "[PL, »PX]", "EDI", TestName = "Unknown_it_dependent_node")]
    [TestCase("nodes: [PL] }", "nodes: [PL], lanes: [LA9] }", "unknown lane 'LA9'", "lanes: [»LA9]", "EDI", TestName = "Unknown_it_dependent_lane")]
    [TestCase("targets: [EDI]", "targets: [EDX]", "unknown disruption target 'EDX'", "[»EDX]", "D1", TestName = "Unknown_disruption_target")]
    [TestCase("duration_hours: 5 }", "duration_hours: 5, recovery: { phases: [ { nodes: [PQ], after_hours: 2 } ] } }", "unknown node 'PQ'", "[»PQ]", "D1", TestName = "Unknown_recovery_phase_node")]
    [TestCase("duration_hours: 5 }", "duration_hours: 5, recovery: { phases: [ { nodes: [PL], after_hours: 2, functions: [mes] } ] } }", "unknown function 'mes'", "functions: [»mes]", "D1", TestName = "Unknown_recovery_phase_function")]
    [TestCase("duration_hours: 5 }\n", "duration_hours: 5 }\npolicies:\n  - { id: pol, parts: [ { part: PZ, line_side: 2h } ] }\n", "unknown part 'PZ'", "part: »PZ", "pol", TestName = "Unknown_policy_part")]

    // Lanes
    [TestCase("from: S1", "from: SX", "unknown supplier 'SX'", "from: »SX", "LA1", TestName = "Lane_from_unknown")]
    [TestCase("from: S1", "from: L1", "lanes ship from suppliers, but 'L1' is a line", "from: »L1", "LA1", TestName = "Lane_from_not_a_supplier")]
    [TestCase("from: S1", "from: S2", "supplier 'S2' does not make P1", "from: »S2, to: L1", "LA1", TestName = "Lane_from_a_supplier_not_making_the_part")]
    [TestCase("to: L1", "to: PL", "lanes deliver to lines, but 'PL' is a plant", "to: »PL", "LA1", TestName = "Lane_to_a_plant")]
    [TestCase("to: L1", "to: LX", "unknown line or supplier 'LX'", "to: »LX", "LA1", TestName = "Lane_to_unknown")]
    [TestCase("to: S1, part: P2", "to: L1, part: P2", "line 'L1' does not use P2", "to: »L1, part: P2", "LA2", TestName = "Lane_to_a_line_not_using_the_part")]
    [TestCase("to: S1, part: P2", "to: S2, part: P2", "supplier 'S2' does not consume P2", "to: »S2, part: P2", "LA2", TestName = "Lane_to_a_supplier_not_consuming_the_part")]
    [TestCase(LaneToS1, "trigger: { kind: sequence, lead_hours: 8 }", "a sequence trigger needs a line's build sequence, but 'S1' is a supplier", "trigger: »{ kind: sequence, lead_hours: 8 }", "LA2", TestName = "Sequence_trigger_into_a_supplier")]
    [TestCase("transit_hours: 1, trigger", "transit_hours: 1, share: 1.5, trigger", "share must be in (0, 1]", "share: »1.5", "LA1", TestName = "Share_above_one")]
    [TestCase("transit_hours: 1, trigger", "transit_hours: 1, share: 0, trigger", "share must be in (0, 1]", "share: »0", "LA1", TestName = "Share_of_zero")]
    [TestCase("transit_hours: 1, trigger", "transit_hours: 1, share: 0.5, trigger", "add up to 0.5, not 1", "share: »0.5", "LA1", TestName = "Single_lane_share_below_one")]
    [TestCase("{ part: P1, quantity: 1 }", "{ part: P1, quantity: 1 }\n          - { part: P2, quantity: 2 }", "no lane delivers P2 to line 'L1'", "{ part: »P2, quantity: 2 }", "L1", TestName = "Bom_part_without_a_lane")]
    [TestCase("  - { id: LA2, from: S2, to: S1, part: P2, transit_hours: 2, " + LaneToS1 + " }\n", "", "no lane delivers input P2 to supplier 'S1'", "inputs: [ { part: »P2", "S1", TestName = "Supplier_input_without_a_lane")]
    [TestCase("{ part: P1, initial: 2h }", "{ part: P1, initial: 2h }\n          - { part: P2, initial: 1h }", "line 'L1' stocks P2 but its bom does not use it", "{ part: »P2, initial: 1h }", "L1", TestName = "Line_stock_for_a_part_not_in_the_bom")]
    [TestCase("      - { part: P2, capacity_per_hour: 20 }\n", "      - { part: P2, capacity_per_hour: 20 }\n    input_stock:\n      - { part: P1, initial: 1d }\n", "supplier 'S2' stocks input P1 but none of its products consumes it", "{ part: »P1, initial: 1d }", "S2", TestName = "Input_stock_for_a_part_not_consumed")]

    // Non-positive and negative numbers
    [TestCase("rate_per_hour: 10", "rate_per_hour: 0", "rate_per_hour must be positive", "rate_per_hour: »0", "L1", TestName = "Rate_must_be_positive")]
    [TestCase("capacity_per_hour: 20\n", "capacity_per_hour: -1\n", "capacity_per_hour must be positive", "capacity_per_hour: »-1", "S1", TestName = "Capacity_must_be_positive")]
    [TestCase("{ part: P1, quantity: 1 }", "{ part: P1, quantity: 0 }", "quantity must be positive", "quantity: »0", "L1", TestName = "Bom_quantity_must_be_positive")]
    [TestCase("{ part: P2, quantity: 1 }", "{ part: P2, quantity: -2 }", "quantity must be positive", "quantity: »-2", "S1", TestName = "Input_quantity_must_be_positive")]
    [TestCase("quantity: 1d }", "quantity: 0 }", "quantity must be positive", "quantity: »0 }", "LA2", TestName = "Kanban_quantity_must_be_positive")]
    [TestCase("transit_hours: 1, trigger", "transit_hours: 1, dispatch_every_hours: 0, trigger", "dispatch_every_hours must be positive", "dispatch_every_hours: »0", "LA1", TestName = "Dispatch_cadence_must_be_positive")]
    [TestCase(LaneToS1, "trigger: { kind: base_stock, review_hours: 0 }", "review_hours must be positive", "review_hours: »0", "LA2", TestName = "Base_stock_review_must_be_positive")]
    [TestCase(LaneToS1, "trigger: { kind: schedule, review_hours: -8 }", "review_hours must be positive", "review_hours: »-8", "LA2", TestName = "Schedule_review_must_be_positive")]
    [TestCase("horizon_hours: 100", "horizon_hours: 0", "horizon_hours must be positive", "horizon_hours: »0", null, TestName = "Horizon_must_be_positive")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\nsample_every_hours: 0", "sample_every_hours must be positive", "sample_every_hours: »0", null, TestName = "Sample_interval_must_be_positive")]
    [TestCase("initial: 2h", "initial: -2h", "initial must not be negative", "initial: »-2h", "L1", TestName = "Stock_must_not_be_negative")]
    [TestCase("transit_hours: 1, trigger", "transit_hours: -1, trigger", "transit_hours must not be negative", "transit_hours: »-1", "LA1", TestName = "Transit_must_not_be_negative")]
    [TestCase("lead_hours: 4", "lead_hours: -1", "lead_hours must not be negative", "lead_hours: »-1", "LA1", TestName = "Lead_hours_must_not_be_negative")]
    [TestCase("transit_hours: 1, trigger", "transit_hours: 1, qualification_hours: -5, trigger", "qualification_hours must not be negative", "qualification_hours: »-5", "LA1", TestName = "Qualification_must_not_be_negative")]
    [TestCase("nodes: [PL] }", "nodes: [PL], fallback: { activation_hours: -1, capacity_fraction: 0.5 } }", "activation_hours must not be negative", "activation_hours: »-1", "EDI", TestName = "Activation_must_not_be_negative")]
    [TestCase("nodes: [PL] }", "nodes: [PL], fallback: { activation_hours: 2, capacity_fraction: 1.5 } }", "capacity_fraction must be in (0, 1]", "capacity_fraction: »1.5", "EDI", TestName = "Fallback_fraction_at_most_one")]
    [TestCase("nodes: [PL] }", "nodes: [PL], fallback: { activation_hours: 2, capacity_fraction: 0 } }", "capacity_fraction must be in (0, 1]", "capacity_fraction: »0", "EDI", TestName = "Fallback_fraction_above_zero")]
    [TestCase("rate_per_hour: 10", "rate_per_hour: 10\n        restart: { ramp_start_fraction: 0 }", "ramp_start_fraction must be in (0, 1]", "ramp_start_fraction: »0", "L1", TestName = "Ramp_start_fraction_in_range")]
    [TestCase("tier: 1", "tier: 0", "tier must be at least 1", "tier: »0", "S1", TestName = "Tier_at_least_one")]
    [TestCase("functions: [order_transmission]", "functions: []", "functions must not be empty", "functions: »[]", "EDI", TestName = "It_system_needs_functions")]

    // Distributions
    [TestCase("duration_hours: 5", "duration_hours: -5", "duration_hours must not be negative", "duration_hours: »-5", "D1", TestName = "Fixed_duration_not_negative")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: normal, mean: -1, std: 1 }", "mean must not be negative", "mean: »-1", "D1", TestName = "Normal_mean_not_negative")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: normal, mean: 5, std: -1 }", "std must not be negative", "std: »-1", "D1", TestName = "Std_not_negative")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: exponential, mean: 0 }", "mean must be positive", "mean: »0", "D1", TestName = "Exponential_mean_positive")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: uniform, min: 6, max: 2 }", "min (6) must not exceed max (2)", "min: »6", "D1", TestName = "Uniform_min_above_max")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: triangular, min: 1, mode: 9, max: 5 }", "mode (9) must lie between min (1) and max (5)", "mode: »9", "D1", TestName = "Triangular_mode_outside_range")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: gamma, shape: 0, scale: 2 }", "shape must be positive", "shape: »0", "D1", TestName = "Gamma_shape_positive")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: weibull, shape: 2, scale: -3 }", "scale must be positive", "scale: »-3", "D1", TestName = "Weibull_scale_positive")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: empirical, values: [] }", "values must not be empty", "values: »[]", "D1", TestName = "Empirical_values_not_empty")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: poisson, mean: 3 }", "unknown dist 'poisson'", "dist: »poisson", "D1", TestName = "Unknown_distribution")]
    [TestCase("duration_hours: 5", "duration_hours: { dist: exponential, mean: 3, std: 1 }", "std does not apply to an exponential distribution", "»std: 1", "D1", TestName = "Parameter_of_another_distribution")]
    [TestCase("transit_hours: 2,", "transit_hours: { dist: lognormal, mean: 0, std: 1 },", "mean must be positive", "mean: »0", "LA2", TestName = "Lognormal_transit_mean_positive")]

    // Calendars and times
    [TestCase("horizon_hours: 100", "horizon_hours: 100\ncalendars:\n  - id: never\n    shifts:\n      - { days: [], start: \"06:00\", end: \"14:00\" }", "calendar 'never' never opens", "id: »never", "never", TestName = "Calendar_without_days_never_opens")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\ncalendars:\n  - { id: c, shifts: [ { days: [mon, fridy], start: \"06:00\", end: \"14:00\" } ] }", "unknown day 'fridy'", "»fridy", "c", TestName = "Unknown_day")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\ncalendars:\n  - { id: c, shifts: [ { days: [mon], start: \"24:00\", end: \"14:00\" } ] }", "start must be a time of day hh:mm, not '24:00'", "start: »\"24:00\"", "c", TestName = "Shift_start_cannot_be_end_of_day")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\ncalendars:\n  - { id: 24x7, shifts: [ { days: [mon], start: \"06:00\", end: \"14:00\" } ] }", "reserved for the built-in always-open calendar", "id: »24x7", "24x7", TestName = "Always_open_calendar_is_built_in")]
    [TestCase("start: 10", "start: 100", "disruption starts at hour 100, outside the horizon [0, 100)", "start: »100", "D1", TestName = "Disruption_at_the_horizon")]
    [TestCase("start: 10", "start: -1", "disruption starts at hour -1, outside the horizon [0, 100)", "start: »-1", "D1", TestName = "Disruption_before_hour_zero")]
    [TestCase("start: 10", "start: 2025-08-31T06:00:00+01:00", "disruption starts at hour -24", "start: »2025-08-31", "D1", TestName = "Disruption_timestamp_before_start")]
    [TestCase("start: 10", "start: soon", "start must be hours from the scenario start or an ISO-8601 timestamp", "start: »soon", "D1", TestName = "Disruption_start_syntax")]

    // Planned stops
    [TestCase("{ id: D1, targets: [EDI]", "{ id: D1, kind: planed_stop, targets: [EDI]", "unknown kind 'planed_stop'", "kind: »planed_stop", "D1", TestName = "Unknown_disruption_kind")]
    [TestCase("{ id: D1, targets: [EDI]", "{ id: D1, kind: planned_stop, targets: [EDI]", "a planned stop stops plants, lines or suppliers, and 'EDI' is an IT system", "targets: [»EDI]", "D1", TestName = "Planned_stop_of_an_it_system")]
    [TestCase("{ id: D1, targets: [EDI]", "{ id: D1, kind: planned_stop, targets: [PL, PROV]", "a planned stop stops plants, lines or suppliers, and 'PROV' is a provider", "[PL, »PROV]", "D1", TestName = "Planned_stop_of_a_provider")]
    [TestCase("{ id: D1, targets: [EDI]", "{ id: D1, kind: planned_stop, targets: [PX]", "unknown disruption target 'PX'", "targets: [»PX]", "D1", TestName = "Planned_stop_of_an_unknown_node")]
    [TestCase("start: 10, duration_hours: 5 }", "start: 10, end: 8 }", "end (hour 8) is not after start (hour 10)", "end: »8", "D1", TestName = "Disruption_end_before_its_start")]
    [TestCase("start: 10, duration_hours: 5 }", "start: 10, end: 20, duration_hours: 5 }", "give either end or duration_hours, not both", "end: »20", "D1", TestName = "Disruption_end_and_duration")]
    [TestCase("start: 10, duration_hours: 5 }", "start: 10, end: tomorrow }", "end must be hours from the scenario start or an ISO-8601 timestamp", "end: »tomorrow", "D1", TestName = "Disruption_end_syntax")]

    // Time zones
    [TestCase("- id: PL\n    lines:", "- id: PL\n    time_zone: Europe/Bratslava\n    lines:", "unknown time zone 'Europe/Bratslava'", "time_zone: »Europe/Bratslava", "PL", TestName = "Unknown_plant_time_zone")]
    [TestCase("- id: S2\n    tier: 2", "- id: S2\n    time_zone: CET+1\n    tier: 2", "unknown time zone 'CET+1'", "time_zone: »CET+1", "S2", TestName = "Unknown_supplier_time_zone")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\ntime_zone: Europe/Berln", "unknown time zone 'Europe/Berln'", "time_zone: »Europe/Berln", null, TestName = "Unknown_scenario_time_zone")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\nreference_hours: 150", "reference_hours 150 is outside the horizon", "reference_hours: »150", null, TestName = "Reference_hours_within_horizon")]
    [TestCase("{ id: EDI,", "{ id: PL,", "IT system id 'PL' is also a plant, line or supplier id", "{ id: »PL, owner", "PL", TestName = "It_system_id_must_not_be_a_node_id")]

    // Shared capacity
    [TestCase("      - { part: P2, capacity_per_hour: 20 }", "      - { part: P2 }", "a product is missing required key 'capacity_per_hour' (its supplier has no shared capacity_per_hour)", "      - »{ part: P2 }", "S2", TestName = "Product_without_capacity_needs_a_shared_one")]
    [TestCase("tier: 2\n", "tier: 2\n    capacity_per_hour: 0\n", "capacity_per_hour must be positive", "capacity_per_hour: »0", "S2", TestName = "Shared_capacity_must_be_positive")]
    [TestCase("tier: 2\n", "tier: 2\n    capacity_per_hour: lots\n", "capacity_per_hour must be a number, not 'lots'", "capacity_per_hour: »lots", "S2", TestName = "Shared_capacity_must_be_a_number")]
    public void Error_rule(string oldText, string newText, string message, string snippet, string? id) =>
        Expect(With(oldText, newText), message, snippet, id);

    [TestCase("nodes: [PL] }", "nodes: [] }", "nothing depends on IT system 'EDI'", "{ id: »EDI", "EDI", TestName = "Warning_it_system_without_dependents")]
    [TestCase("      - { part: P2, capacity_per_hour: 20 }\n", "      - { part: P2, capacity_per_hour: 20 }\n  - { id: S3, tier: 1, products: [ { part: P1, capacity_per_hour: 5 } ] }\n", "no lane ships P1 from supplier 'S3'", "[ { part: »P1, capacity_per_hour: 5 }", "S3", TestName = "Warning_product_nobody_ships")]
    [TestCase("tier: 2", "tier: 3", "tier-3 supplier 'S2' ships P2 to tier-1 supplier 'S1'", "from: »S2", "S2", TestName = "Warning_tier_skips_a_level")]
    [TestCase("tier: 2\n", "tier: 2\n    capacity_per_hour: 10\n", "capacity_per_hour 20 of part P2 exceeds its supplier's shared capacity_per_hour 10: the shared one bounds it", "{ part: P2, capacity_per_hour: »20 }", "S2", TestName = "Warning_product_capacity_above_the_shared_one")]
    public void Warning_rule(string oldText, string newText, string message, string snippet, string? id) =>
        Expect(With(oldText, newText), message, snippet, id, ProblemSeverity.Warning);

    [Test]
    public void Warning_tier_two_supplier_ships_straight_to_a_line()
    {
        var yaml = With("    tier: 1\n", "    tier: 2\n").Replace("    tier: 2\n    products:\n      - { part: P2", "    tier: 3\n    products:\n      - { part: P2", StringComparison.Ordinal);

        var problem = Expect(yaml, "tier-2 supplier 'S1' ships P1 straight to line 'L1'", "from: »S1, to: L1", "S1", ProblemSeverity.Warning);

        Assert.That(problem.Hint, Does.Contain("tier 1"));
    }

    [Test]
    public void Shares_of_one_destination_and_part_must_add_up_to_one()
    {
        var yaml = With("transit_hours: 1, trigger", "transit_hours: 1, share: 0.5, trigger")
            .Replace("  - { id: LA2,", "  - { id: LA1B, from: S1, to: L1, part: P1, transit_hours: 1, share: 0.3, trigger: { kind: sequence, lead_hours: 4 } }\n  - { id: LA2,", StringComparison.Ordinal);

        var problem = Expect(yaml, "the shares of the lanes delivering P1 to L1 add up to 0.8, not 1 (LA1: 0.5, LA1B: 0.3)", "share: »0.5", "LA1");

        Assert.That(problem.Hint, Does.Contain("LA1, LA1B"));
    }

    [Test]
    public void Shares_within_tolerance_are_accepted()
    {
        var yaml = With("transit_hours: 1, trigger", "transit_hours: 1, share: 0.1, trigger")
            .Replace("  - { id: LA2,", "  - { id: LA1B, from: S1, to: L1, part: P1, transit_hours: 1, share: 0.2, trigger: { kind: sequence, lead_hours: 4 } }\n  - { id: LA1C, from: S1, to: L1, part: P1, transit_hours: 1, share: 0.7, trigger: { kind: sequence, lead_hours: 4 } }\n  - { id: LA2,", StringComparison.Ordinal);

        Assert.That(Load(yaml).Problems, Is.Empty, () => string.Join("\n", Load(yaml).Problems));
    }

    [Test]
    public void Lanes_of_one_destination_and_part_use_one_trigger_kind()
    {
        var yaml = With("transit_hours: 1, trigger", "transit_hours: 1, share: 0.5, trigger")
            .Replace("  - { id: LA2,", "  - { id: LA1B, from: S1, to: L1, part: P1, transit_hours: 1, share: 0.5, trigger: { kind: kanban, reorder_point: 2h, quantity: 1h } }\n  - { id: LA2,", StringComparison.Ordinal);

        Expect(yaml, "the lanes delivering P1 to L1 use different trigger kinds (LA1: sequence, LA1B: kanban)", "share: 0.5, trigger: »{ kind: kanban", "LA1B");
    }

    [Test]
    public void Supply_cycle_is_named()
    {
        var yaml = With("{ part: P2, capacity_per_hour: 20 }", "{ part: P2, capacity_per_hour: 20, inputs: [ { part: P1, quantity: 1 } ] }")
            .Replace("it_systems:", "  - { id: LA3, from: S1, to: S2, part: P1, transit_hours: 1, trigger: { kind: kanban, reorder_point: 1d, quantity: 1d } }\nit_systems:", StringComparison.Ordinal);

        var problem = Expect(yaml, "supply cycle: S1 -> S2 -> S1", "from: S2, to: »S1", "LA2");

        Assert.That(Load(yaml).Problems.Count(p => p.Message.StartsWith("supply cycle", StringComparison.Ordinal)), Is.EqualTo(1), "a cycle is reported once");
        Assert.That(problem.Hint, Does.Contain("remove or redirect"));
    }

    [Test]
    public void Unknown_key_suggests_the_closest_valid_key()
    {
        var problem = Problem(Load(With("rate_per_hour: 10", "rate_per_huor: 10")), "unknown key");

        Assert.That(problem.Hint, Is.EqualTo("did you mean 'rate_per_hour'?"));
    }

    [Test]
    public void Unknown_key_without_close_match_lists_the_valid_keys()
    {
        var problem = Problem(Load(With("rate_per_hour: 10", "rate_per_hour: 10\n        colour: red")), "unknown key 'colour'");

        Assert.That(problem.Hint, Is.EqualTo("valid keys here: id, rate_per_hour, calendar, restart, bom, stock, margin_per_unit"));
    }

    [Test]
    public void Unknown_reference_suggests_the_closest_id()
    {
        var problem = Problem(Load(With("targets: [EDI]", "targets: [EDX]")), "unknown disruption target");

        Assert.That(problem.Hint, Is.EqualTo("did you mean 'EDI'?"));
    }

    [Test]
    public void Problems_print_the_brief_example_form()
    {
        var problem = Problem(Load(With("rate_per_hour: 10", "rate_per_hour: -5")), "rate_per_hour");

        Assert.That(problem.ToString(), Is.EqualTo("test.yaml:11:24: error [L1]: rate_per_hour must be positive (hint: use jobs per hour, e.g. 60)"));
    }

    [TestCase("PROV", TestName = "Provider_name_is_a_valid_target")]
    [TestCase("L1", TestName = "Line_is_a_valid_target")]
    [TestCase("S2", TestName = "Supplier_is_a_valid_target")]
    [TestCase("PL", TestName = "Plant_is_a_valid_target")]
    public void Disruption_targets_may_be_systems_providers_or_nodes(string target)
    {
        var result = Load(With("targets: [EDI]", $"targets: [{target}]"));

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
    }

    [Test]
    public void Planned_stop_reads_its_end_timestamp_as_a_fixed_length()
    {
        // Scenario start 2025-09-01 06:00 +01:00; the stop runs from hour 10 to Tuesday 06:00 +01:00 = hour 24.
        var result = Load(With("{ id: D1, targets: [EDI], start: 10, duration_hours: 5 }", "{ id: D1, kind: planned_stop, targets: [PL, S1], start: 10, end: 2025-09-02T06:00:00+01:00 }"));

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        var stop = result.Scenario!.Disruptions.Single();
        Assert.That(stop.Kind, Is.EqualTo(Simulator.Model.Specs.DisruptionKind.PlannedStop));
        Assert.That(stop.Targets, Is.EqualTo(new[] { "PL", "S1" }));
        Assert.That(stop.Duration, Is.EqualTo(Simulator.Model.Specs.DistributionSpec.Fixed(14)));
    }

    [Test]
    public void A_disruption_without_kind_is_an_outage()
    {
        var stop = Load(Minimal).Scenario!.Disruptions.Single();

        Assert.That(stop.Kind, Is.EqualTo(Simulator.Model.Specs.DisruptionKind.Outage));
    }

    [Test]
    public void Planned_stop_is_written_back_as_a_planned_stop()
    {
        var load = Load(With("{ id: D1, targets: [EDI], start: 10, duration_hours: 5 }", "{ id: D1, kind: planned_stop, targets: [PL], start: 10, end: 30 }"));
        var again = ScenarioLoader.Parse(ScenarioWriter.ToYaml(load.Scenario!), "again.yaml");

        Assert.That(again.Problems, Is.Empty, () => string.Join("\n", again.Problems));
        var stop = again.Scenario!.Disruptions.Single();
        Assert.That((stop.Kind, stop.StartHours, stop.Duration), Is.EqualTo((Simulator.Model.Specs.DisruptionKind.PlannedStop, 10.0, Simulator.Model.Specs.DistributionSpec.Fixed(20))));
        Assert.That(stop.Targets, Is.EqualTo(new[] { "PL" }));
    }

    [Test]
    public void Unknown_time_zone_suggests_the_closest_zone_id()
    {
        var problem = Problem(Load(With("- id: PL\n    lines:", "- id: PL\n    time_zone: Europe/Bratslava\n    lines:")), "time zone");

        Assert.That(problem.Hint, Is.EqualTo("did you mean 'Europe/Bratislava'?"));
    }

    [TestCase("W. Europe Standard Time", "that is a Windows zone name; use the IANA id, e.g. Europe/Berlin for W. Europe Standard Time")]
    [TestCase("../../../etc/passwd", "use an IANA zone id, e.g. Europe/Bratislava, America/Chicago, Asia/Tokyo or UTC")]
    public void Unknown_time_zone_far_from_any_id_says_what_an_id_looks_like(string zone, string hint)
    {
        var problem = Problem(Load(With("- id: PL\n    lines:", $"- id: PL\n    time_zone: \"{zone}\"\n    lines:")), "time zone");

        Assert.That(problem.Message, Is.EqualTo($"unknown time zone '{zone}'"));
        Assert.That(problem.Hint, Is.EqualTo(hint));
    }

    [Test]
    public void Time_zones_are_read_per_plant_supplier_and_scenario_and_written_back()
    {
        var yaml = Replace(
            Replace(With("- id: PL\n    lines:", "- id: PL\n    time_zone: Europe/Bratislava\n    lines:"), "- id: S2\n    tier: 2", "- id: S2\n    time_zone: Asia/Tokyo\n    tier: 2"),
            "horizon_hours: 100",
            "horizon_hours: 100\ntime_zone: UTC");
        var load = Load(yaml);
        var again = ScenarioLoader.Parse(ScenarioWriter.ToYaml(load.Scenario!), "again.yaml").Scenario!;

        Assert.That(load.Problems, Is.Empty, () => string.Join("\n", load.Problems));
        foreach (var scenario in new[] { load.Scenario!, again })
        {
            Assert.That(scenario.TimeZoneId, Is.EqualTo("UTC"));
            Assert.That(scenario.Plants.Single().TimeZoneId, Is.EqualTo("Europe/Bratislava"));
            Assert.That(scenario.Suppliers.Select(x => x.TimeZoneId), Is.EqualTo(new[] { null, "Asia/Tokyo" }));
        }
    }
}
