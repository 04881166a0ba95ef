using System.Globalization;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>
/// Turns the YAML tree into spec records, checking everything that can be checked locally (types, ranges,
/// required keys). Cross-entity rules are the validator's. Where a value is unusable the reader reports it
/// and leaves a neutral placeholder ("" ids, NaN numbers, null sub-records) that the validator skips, so
/// one mistake does not cascade into a dozen follow-on errors; a scenario with errors is never returned.
/// </summary>
internal static partial class ScenarioReader
{
    public static ScenarioSpec Read(MappingReader r, string defaultName, string? sourcePath)
    {
        var name = r.Text("name") ?? defaultName;
        var description = r.Text("description") ?? string.Empty;
        var start = ReadStart(r);
        r.Context.Start = start;
        var zone = ReadTimeZone(r);
        var horizon = r.Number("horizon_hours", NumberRule.Positive, required: true) ?? double.NaN;
        var sample = r.Number("sample_every_hours", NumberRule.Positive, 1.0);
        if (horizon / sample > ScenarioBounds.MaxSamplesPerRun)
        {
            // Each sample records every line, buffer and supplier: a fine grid over a long horizon fills the memory.
            r.Error(
                r.At("sample_every_hours"),
                $"horizon_hours / sample_every_hours is {ScenarioBounds.Format(horizon / sample)} samples per run; at most {ScenarioBounds.Format(ScenarioBounds.MaxSamplesPerRun)} are kept (see docs/reliability.md)",
                $"sample at least every {ScenarioBounds.Format(Math.Ceiling(horizon / ScenarioBounds.MaxSamplesPerRun * 1000) / 1000)} h for this horizon");
        }

        var holding = r.Number("holding_cost_rate_per_year", NumberRule.NonNegative, 0.25);
        var reference = r.Number("reference_hours", NumberRule.NonNegative);

        var calendars = r.Items("calendars", ScenarioKeys.Calendar).Select(ReadCalendar).ToList();
        var parts = r.Items("parts", ScenarioKeys.Part, required: true).Select(ReadPart).ToList();
        var plants = r.Items("plants", ScenarioKeys.Plant, required: true).Select(ReadPlant).ToList();
        var suppliers = r.Items("suppliers", ScenarioKeys.Supplier).Select(ReadSupplier).ToList();
        var lanes = r.Items("lanes", ScenarioKeys.Lane).Select(ReadLane).ToList();
        var systems = r.Items("it_systems", ScenarioKeys.ItSystem).Select(ReadItSystem).ToList();
        var disruptions = r.Items("disruptions", ScenarioKeys.Disruption).Select(ReadDisruption).ToList();
        var policies = ReadPolicies(r, required: false);
        var state = r.Child("state", ScenarioKeys.State) is { } st ? ReadState(st) : null;
        if (policies.Count == 0)
        {
            policies.Add(PolicySpec.AsWritten);
        }

        // Stress tests start at the moment the story's own disruption starts, so their results line up with it.
        var starts = disruptions.Select(d => d.StartHours).Where(double.IsFinite).ToList();
        var referenceHours = reference ?? (starts.Count > 0 ? starts.Min() : 0);

        var spec = new ScenarioSpec(
            name,
            description,
            start ?? default,
            horizon,
            sample,
            holding,
            referenceHours,
            calendars,
            parts,
            plants,
            suppliers,
            lanes,
            systems,
            disruptions,
            policies,
            sourcePath,
            state,
            zone);
        return r.Register(spec);
    }

    private static DateTimeOffset? ReadStart(MappingReader r)
    {
        var text = r.Text("start", required: true);
        if (text is null)
        {
            return null;
        }

        if (ScalarParsers.TryTimestamp(text, out var start))
        {
            return start;
        }

        var hint = ScalarParsers.LooksLikeLocalTimestamp(text)
            ? ScalarParsers.OffsetHint(text, offset: null)
            : KeyHelp.Use(ScenarioKeys.Scenario, "start");
        r.Error(r.At("start"), $"start must be an ISO-8601 timestamp with an offset, not '{text}'", hint);
        return null;
    }

    /// <summary>
    /// The IANA zone id under <c>time_zone</c>, checked against the machine's zone data (on Linux /usr/share/zoneinfo,
    /// from the tzdata package: .NET reads it there even with invariant globalization); null when absent or unknown.
    /// </summary>
    private static string? ReadTimeZone(MappingReader r)
    {
        var text = r.Text("time_zone");
        if (text is null || SiteClock.TryResolve(text, out _))
        {
            return text;
        }

        var closest = SiteClock.HasZoneData ? Suggestions.Closest(text, [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC")]) : null;
        var hint = !SiteClock.HasZoneData
            ? "this machine has no time zone data: install it (Debian/Ubuntu: apt-get install tzdata) or point TZDIR at a zoneinfo folder"
            : closest is not null ? $"did you mean '{closest}'?"
            : text.Contains(" Time", StringComparison.Ordinal) ? "that is a Windows zone name; use the IANA id, e.g. Europe/Berlin for W. Europe Standard Time"
            : "use an IANA zone id, e.g. Europe/Bratislava, America/Chicago, Asia/Tokyo or UTC";
        r.Error(r.At("time_zone"), $"unknown time zone '{text}'", hint);
        return null;
    }

    private static CalendarSpec ReadCalendar(MappingReader r)
    {
        var id = r.Id();
        var shifts = new List<ShiftSpec>();
        var written = 0;
        var closed = 0;
        foreach (var shift in r.Items("shifts", ScenarioKeys.Shift, required: true))
        {
            written++;
            var (spec, neverOpens) = ReadShift(shift);
            if (spec is not null)
            {
                shifts.Add(spec);
            }
            else if (neverOpens)
            {
                closed++;
            }
        }

        // Only when every shift is well-formed but closed: a shift with a typo is already reported on its own.
        if (written > 0 && closed == written)
        {
            r.Error(r.At("id"), $"calendar '{id}' never opens: no shift has at least one day", "give a shift some days, e.g. days: [mon, tue, wed, thu, fri], start: \"06:00\", end: \"22:00\"");
        }

        var holidays = new List<DateOnly>();
        foreach (var (text, at) in r.Strings("holidays"))
        {
            if (ScalarParsers.TryDate(text, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                r.Error(at, $"holiday '{text}' is not a date", "write dates as yyyy-mm-dd, e.g. 2025-12-25");
            }
        }

        return r.Register(new CalendarSpec(id, shifts, holidays));
    }

    /// <summary>A usable shift, or null when it is broken or can never open (reported either way; NeverOpens tells which).</summary>
    private static (ShiftSpec? Shift, bool NeverOpens) ReadShift(MappingReader r)
    {
        // Missing, not a list, or a misspelt day: reported already, and not a reason to call the calendar closed.
        var broken = r.Value("days") is not SourceSequence;
        var days = new List<DayOfWeek>();
        foreach (var (text, at) in r.Strings("days", required: true))
        {
            if (ScalarParsers.TryDay(text, out var day))
            {
                if (!days.Contains(day))
                {
                    days.Add(day);
                }
            }
            else
            {
                broken = true;
                var closest = Suggestions.Closest(text, ScalarParsers.DayNames);
                r.Error(at, $"unknown day '{text}'", closest is null ? "use mon, tue, wed, thu, fri, sat or sun" : $"did you mean '{closest}'?");
            }
        }

        var start = ReadTime(r, "start", allowEndOfDay: false);
        var end = ReadTime(r, "end", allowEndOfDay: true);
        if (start is not { } s || end is not { } e || broken)
        {
            return (null, false);
        }

        if (days.Count == 0)
        {
            return (null, true);
        }

        // An end at or before the start crosses midnight (22:00-06:00 is 8 h), so an equal start and end is a full
        // 24 h (06:00-06:00 is a three-shift day) and no written shift is zero-length: only a shift without days
        // never opens.
        return (r.Register(new ShiftSpec(days, s, e)), false);
    }

    private static TimeOnly? ReadTime(MappingReader r, string key, bool allowEndOfDay)
    {
        var text = r.Text(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (ScalarParsers.TryTimeOfDay(text, allowEndOfDay, out var time))
        {
            return time;
        }

        r.Error(r.At(key), $"{key} must be a time of day hh:mm, not '{text}'", KeyHelp.Use(ScenarioKeys.Shift, key));
        return null;
    }

    private static PartSpec ReadPart(MappingReader r) => r.Register(new PartSpec(
        r.Id(),
        r.Text("description") ?? string.Empty,
        r.Number("unit_cost", NumberRule.NonNegative, 0.0),
        r.Choice("kind", Vocabulary.PartKinds) ?? PartKind.Jit));

    /// <summary>The <c>policies</c> list of a scenario or a policy file.</summary>
    public static List<PolicySpec> ReadPolicies(MappingReader r, bool required) =>
        r.Items("policies", ScenarioKeys.Policy, required).Select(ReadPolicy).ToList();

    private static PolicySpec ReadPolicy(MappingReader r)
    {
        var id = r.Id();
        var description = r.Text("description") ?? string.Empty;
        var (cover, coverMode) = r.Value("line_side_cover_hours") is { } coverNode
            ? Level<double?>(r, coverNode, "line_side_cover_hours", n => r.NumberOf(n, "line_side_cover_hours", NumberRule.NonNegative))
            : (null, LevelMode.Set);
        var (byTier, tierModes) = ReadDaysByTier(r);
        var overrides = r.Items("parts", ScenarioKeys.PartOverride)
            .Select(p =>
            {
                var (lineSide, lineSideMode) = p.Value("line_side") is { } a
                    ? Level<StockAmount?>(p, a, "line_side", n => p.StockOf(n, "line_side", NumberRule.NonNegative))
                    : (null, LevelMode.Set);
                var (finished, finishedMode) = p.Value("supplier_finished") is { } b
                    ? Level<StockAmount?>(p, b, "supplier_finished", n => p.StockOf(n, "supplier_finished", NumberRule.NonNegative))
                    : (null, LevelMode.Set);
                return p.Register(new PartOverride(p.Reference("part"), lineSide, finished, lineSideMode, finishedMode, p.Text("at")));
            })
            .ToList();
        var fallback = r.Boolean("fallback", defaultValue: true);
        return r.Register(new PolicySpec(id, description, cover, byTier, overrides, fallback, coverMode, tierModes));
    }

    private static (Dictionary<int, double> Days, Dictionary<int, LevelMode> Modes) ReadDaysByTier(MappingReader r)
    {
        const string key = "supplier_stock_days_by_tier";
        var result = new Dictionary<int, double>();
        var modes = new Dictionary<int, LevelMode>();
        var node = r.Value(key);
        if (node is null)
        {
            return (result, modes);
        }

        if (node is not SourceMapping mapping)
        {
            r.Error(node.Start, $"{key} must map tiers to days, not {MappingReader.Kind(node)}", KeyHelp.Use(ScenarioKeys.Policy, key));
            return (result, modes);
        }

        foreach (var (tierNode, daysNode) in mapping.Children)
        {
            if (tierNode is not SourceScalar { Value: { } tierText } || !ScalarParsers.TryInteger(tierText, out var tier) || tier < 1)
            {
                r.Error(tierNode.Start, $"tier {MappingReader.Kind(tierNode)} in {key} must be a whole number of at least 1", KeyHelp.Use(ScenarioKeys.Policy, key));
                continue;
            }

            var (value, mode) = Level<double?>(r, daysNode, $"{key} {tier.ToString(CultureInfo.InvariantCulture)}", n => r.NumberOf(n, key, NumberRule.NonNegative));
            if (value is { } days)
            {
                result[tier] = days;
                modes[tier] = mode;
            }
        }

        return (result, modes);
    }

    /// <summary>
    /// A policy level: <c>{ at_least: V }</c> raises the written level only where it is lower, <c>{ set: V }</c>
    /// replaces it. A plain value still sets, as it always did, but is warned about: a "buffer" policy that sets
    /// a level below the network's silently lowers stock.
    /// </summary>
    private static (T Value, LevelMode Mode) Level<T>(MappingReader r, SourceNode node, string key, Func<SourceNode, T> read)
    {
        const string forms = "{ at_least: V } (raise the level only where the network holds less) or { set: V } (replace it, lower or higher)";
        if (node is SourceMapping mapping)
        {
            if (mapping.Children.Count == 1 && mapping.Children.First() is { Key: SourceScalar { Value: "set" or "at_least" } verb, Value: var value })
            {
                return (read(value), verb.Value == "set" ? LevelMode.Set : LevelMode.AtLeast);
            }

            r.Error(node.Start, $"{key} must be a level, {{ set: V }} or {{ at_least: V }}, not a mapping with other keys", "write " + forms);
            return (default!, LevelMode.Set);
        }

        var text = node is SourceScalar { Value: { } v } ? v : "V";
        r.Warning(
            node.Start,
            $"{key}: {text} does not say whether it sets or raises the level; read as {{ set: {text} }}, which lowers stock wherever the network holds more",
            $"write {{ at_least: {text} }} to raise the level only where it is lower, or {{ set: {text} }} to replace it");
        return (read(node), LevelMode.Set);
    }
}
