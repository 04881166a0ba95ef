namespace Simulator.Scenarios;

/// <summary>What a key expects and an example value, so every hint can show the fix rather than restate the error.</summary>
internal static class KeyHelp
{
    // Keys are "section.key" where the meaning differs by section, otherwise just "key".
    private static readonly Dictionary<string, (string What, string Example)> Entries = new()
    {
        ["name"] = ("a display name", "Solihull"),
        ["description"] = ("free text", "Front seat sets"),
        ["scenario.start"] = ("an ISO-8601 timestamp with an offset", "2025-09-01T06:00:00+01:00"),
        ["shift.start"] = ("a time of day hh:mm", "\"06:00\""),
        ["shift.end"] = ("a time of day hh:mm (24:00 allowed)", "\"22:00\""),
        ["disruption.start"] = ("hours from the scenario start, or an ISO-8601 timestamp", "10"),
        ["disruption.end"] = ("hours from the scenario start, or an ISO-8601 timestamp, after the start", "34"),
        ["disruption.kind"] = ("outage or planned_stop", "planned_stop"),
        ["horizon_hours"] = ("simulated hours", "168"),
        ["time_zone"] = ("an IANA time zone id", "Europe/Bratislava"),
        ["sample_every_hours"] = ("hours between samples", "1"),
        ["holding_cost_rate_per_year"] = ("a yearly fraction of inventory value", "0.25"),
        ["reference_hours"] = ("hours from the scenario start", "10"),
        ["id"] = ("an id of letters, digits, '-', '_' and '.'", "SOL-A"),
        ["unit_cost"] = ("the value of one unit", "850"),
        ["part.kind"] = ("jis, jit or bulk", "jit"),
        ["trigger.kind"] = ("sequence, kanban, base_stock or schedule", "kanban"),
        ["rate_per_hour"] = ("jobs per hour", "60"),
        ["calendar"] = ("a calendar id", "two-shift"),
        ["stock_hours"] = ("hours of cover every part needs before a restart", "1"),
        ["ramp_up_hours"] = ("hours from restart back to full rate", "8"),
        ["ramp_start_fraction"] = ("a fraction of the full rate in (0, 1]", "0.5"),
        ["part"] = ("a part id", "SEAT"),
        ["bom_item.quantity"] = ("pieces per job", "1"),
        ["trigger.quantity"] = ("a positive stock amount", "1h"),
        ["initial"] = ("a stock amount", "4h"),
        ["maximum"] = ("a stock amount", "8h"),
        ["target"] = ("a stock amount", "3d"),
        ["tier"] = ("a whole number, 1 for direct suppliers of the plants", "1"),
        ["recovery_hours"] = ("hours to be fully restored", "72"),
        ["capacity_per_hour"] = ("pieces per hour", "40"),
        ["from"] = ("the id of the supplier that ships", "T1-SEATS"),
        ["to"] = ("the id of the receiving line or supplier", "SOL-A"),
        ["transit_hours"] = ("hours in transit, a number or a distribution", "1.5"),
        ["dispatch_every_hours"] = ("hours between dispatches", "1"),
        ["share"] = ("a fraction of the demand in (0, 1]", "0.5"),
        ["qualification_hours"] = ("hours before this lane may take over", "48"),
        ["lead_hours"] = ("hours of line running called off ahead", "2"),
        ["reorder_point"] = ("a stock amount", "2h"),
        ["review_hours"] = ("hours between reviews", "8"),
        ["order_up_to"] = ("a stock amount", "2d"),
        ["owner"] = ("a plant, supplier or provider name", "OEM-IT"),
        ["functions"] = ("a list of production_control, order_transmission, logistics", "[order_transmission]"),
        ["nodes"] = ("a list of plant, line or supplier ids", "[SOL]"),
        ["lanes"] = ("a list of lane ids", "[SEATS-TO-SOL-A]"),
        ["activation_hours"] = ("hours after the outage starts", "24"),
        ["capacity_fraction"] = ("a fraction of capacity in (0, 1]", "0.3"),
        ["targets"] = ("a list of IT system, provider or node ids", "[OEM-EDI]"),
        ["duration_hours"] = ("hours, a number or a distribution", "24"),
        ["after_hours"] = ("hours after the disruption's end", "24"),
        ["line_side_cover_hours"] = ("hours of cover", "2"),
        ["supplier_stock_days_by_tier"] = ("days of cover per tier", "{ 1: 0.5, 2: 2 }"),
        ["line_side"] = ("a stock amount", "8h"),
        ["at"] = ("the id of one line or supplier", "SOL-A"),
        ["supplier_finished"] = ("a stock amount", "1d"),
        ["policy.fallback"] = ("true or false", "true"),
        ["days"] = ("a list of weekdays", "[mon, tue, wed, thu, fri]"),
        ["holidays"] = ("a list of dates", "[2025-12-25]"),
        ["dist"] = ("fixed, exponential, normal, lognormal, gamma, weibull, triangular, uniform or empirical", "normal"),
        ["value"] = ("hours", "3"),
        ["mean"] = ("hours", "24"),
        ["std"] = ("hours", "6"),
        ["min"] = ("hours", "12"),
        ["mode"] = ("hours", "24"),
        ["max"] = ("hours", "48"),
        ["shape"] = ("a positive number", "2"),
        ["scale"] = ("a positive number", "12"),
        ["values"] = ("a list of hours", "[12, 24, 72]"),
        ["lane"] = ("a lane id", "SEATS-TO-SOL-A"),
        ["in_transit.quantity"] = ("a positive number of pieces", "120"),
        ["demand.quantity"] = ("a number of pieces", "480"),
        ["arrival_hours"] = ("hours from the scenario start", "2.5"),
        ["completion_hours"] = ("hours from the scenario start", "8"),
        ["planned_output.quantity"] = ("a positive number of pieces", "352"),
        ["reference"] = ("a tracking or order number", "TRK-4711"),
        ["node"] = ("a line, plant or supplier id", "SOL-A"),
        ["supplier"] = ("a supplier id", "T1-SEATS"),
        ["day"] = ("a date yyyy-mm-dd", "2025-09-02"),
    };

    /// <summary>Description and example for a key in a section.</summary>
    public static (string What, string Example) For(string section, string key) =>
        Entries.TryGetValue($"{section}.{key}", out var specific) ? specific
        : Entries.TryGetValue(key, out var general) ? general
        : ("a value", "...");

    /// <summary>"use jobs per hour, e.g. 60".</summary>
    public static string Use(string section, string key)
    {
        var (what, example) = For(section, key);
        return $"use {what}, e.g. {example}";
    }

    /// <summary>"add rate_per_hour: 60 (jobs per hour)".</summary>
    public static string Add(string section, string key)
    {
        var (what, example) = For(section, key);
        return $"add '{key}: {example}' ({what})";
    }
}
