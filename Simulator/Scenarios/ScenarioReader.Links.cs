using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Lanes, IT systems and disruptions.</summary>
internal static partial class ScenarioReader
{
    private static LaneSpec ReadLane(MappingReader r)
    {
        var id = r.Id();
        var from = r.Reference("from");
        var to = r.Reference("to");
        var part = r.Reference("part");

        // Null (after a reported problem) rather than a made-up value, so trigger and transit checks skip the lane.
        var transit = DistributionReader.Read(r, "transit_hours", required: true);
        var dispatch = r.Number("dispatch_every_hours", NumberRule.Positive, 1.0);
        var trigger = r.Child("trigger", ScenarioKeys.Trigger, required: true) is { } t ? ReadTrigger(t) : null;
        var share = r.Number("share", NumberRule.Fraction) ?? (r.Has("share") ? double.NaN : 1.0);
        var qualification = r.Number("qualification_hours", NumberRule.NonNegative, 0.0);
        return r.Register(new LaneSpec(id, from, to, part, transit!, dispatch, trigger!, share, qualification));
    }

    private static TriggerSpec? ReadTrigger(MappingReader r)
    {
        if (r.Choice("kind", Vocabulary.TriggerKinds, required: true) is not { } kind)
        {
            return null;
        }

        var name = Vocabulary.NameOf(Vocabulary.TriggerKinds, kind);
        var takes = Vocabulary.TriggerKeys[kind];
        foreach (var (keyNode, _) in r.Node.Children)
        {
            if (keyNode is SourceScalar { Value: { } k } && k != "kind" && ScenarioKeys.Of(ScenarioKeys.Trigger).Contains(k) && !takes.Contains(k))
            {
                r.Error(keyNode.Start, $"{k} does not apply to a {name} trigger", $"a {name} trigger takes: {string.Join(", ", takes)}");
            }
        }

        var trigger = kind switch
        {
            TriggerKind.Sequence => ReadSequence(r),
            TriggerKind.Kanban => ReadKanban(r),
            TriggerKind.BaseStock => ReadBaseStock(r),
            _ => ReadSchedule(r),
        };
        return trigger is null ? null : r.Register(trigger);
    }

    private static TriggerSpec? ReadSequence(MappingReader r) =>
        r.Number("lead_hours", NumberRule.NonNegative, required: true) is { } lead
            ? new TriggerSpec(TriggerKind.Sequence, LeadHours: lead)
            : null;

    private static TriggerSpec? ReadKanban(MappingReader r)
    {
        var reorderPoint = r.Stock("reorder_point", NumberRule.NonNegative, required: true);
        var quantity = r.Stock("quantity", NumberRule.Positive, required: true);
        return reorderPoint is null || quantity is null ? null : new TriggerSpec(TriggerKind.Kanban, ReorderPoint: reorderPoint, Quantity: quantity);
    }

    private static TriggerSpec? ReadBaseStock(MappingReader r)
    {
        var review = r.Number("review_hours", NumberRule.Positive, required: true);
        var upTo = r.Stock("order_up_to", NumberRule.NonNegative);
        var broken = review is null || (upTo is null && r.Has("order_up_to"));
        return broken ? null : new TriggerSpec(TriggerKind.BaseStock, ReviewHours: review!.Value, OrderUpTo: upTo);
    }

    private static TriggerSpec? ReadSchedule(MappingReader r)
    {
        var review = r.Number("review_hours", NumberRule.Positive, required: true);
        var quantity = r.Stock("quantity", NumberRule.Positive);
        var broken = review is null || (quantity is null && r.Has("quantity"));
        return broken ? null : new TriggerSpec(TriggerKind.Schedule, ReviewHours: review!.Value, Quantity: quantity);
    }

    private static ItSystemSpec ReadItSystem(MappingReader r)
    {
        var id = r.Id();
        var owner = r.Text("owner", required: true) ?? string.Empty;
        var functions = ReadFunctions(r);
        var nodes = r.Strings("nodes").Select(n => n.Text).ToList();
        var lanes = r.Strings("lanes").Select(l => l.Text).ToList();
        FallbackSpec? fallback = null;
        if (r.Child("fallback", ScenarioKeys.Fallback) is { } f)
        {
            var activation = f.Number("activation_hours", NumberRule.NonNegative, 0.0);
            var fraction = f.Number("capacity_fraction", NumberRule.Fraction, required: true) ?? double.NaN;
            fallback = new FallbackSpec(activation, fraction);
        }

        var recovery = r.Number("recovery_hours", NumberRule.NonNegative);
        return r.Register(new ItSystemSpec(id, owner, functions, nodes, lanes, fallback, recovery));
    }

    /// <summary>A required, non-empty list of IT functions.</summary>
    private static ItFunction ReadFunctions(MappingReader r)
    {
        var functions = ItFunction.None;
        foreach (var (text, at) in r.Strings("functions", required: true))
        {
            functions |= r.ChoiceOf(at, "function", text, Vocabulary.Functions) ?? ItFunction.None;
        }

        return functions;
    }

    private static DisruptionSpec ReadDisruption(MappingReader r)
    {
        var id = r.Id();
        var kind = r.Choice("kind", Vocabulary.DisruptionKinds) ?? DisruptionKind.Outage;
        var targets = r.Strings("targets", required: true).Select(t => t.Text).ToList();
        var start = ReadDisruptionStart(r);
        var duration = ReadDuration(r, start);
        var recovery = RecoverySpec.Default;
        if (r.Child("recovery", ScenarioKeys.Recovery) is { } rec)
        {
            var ramp = rec.Number("ramp_up_hours", NumberRule.NonNegative);
            var phases = rec.Items("phases", ScenarioKeys.RecoveryPhase)
                .Select(p => p.Register(new RecoveryPhase(
                    p.Strings("nodes", required: true).Select(n => n.Text).ToList(),
                    p.Number("after_hours", NumberRule.NonNegative, required: true) ?? double.NaN,
                    p.Has("functions") ? ReadFunctions(p) : ItFunction.All)))
                .ToList();
            recovery = new RecoverySpec(ramp, phases);
        }

        return r.Register(new DisruptionSpec(id, targets, start, duration!, recovery, kind));
    }

    /// <summary>
    /// <c>duration_hours</c>, or the fixed span from the start to <c>end</c>, which a planned stop is usually written
    /// with (the plan says until when); both at once could disagree, so that is an error.
    /// </summary>
    private static DistributionSpec? ReadDuration(MappingReader r, double start)
    {
        if (!r.Has("end"))
        {
            return DistributionReader.Read(r, "duration_hours", required: true);
        }

        if (r.Has("duration_hours"))
        {
            r.Error(r.At("end"), "give either end or duration_hours, not both", "drop duration_hours: end fixes the length");
            return null;
        }

        var end = ReadHourOrTimestamp(r, "end");
        if (!double.IsFinite(end) || !double.IsFinite(start))
        {
            return null;
        }

        if (end <= start)
        {
            r.Error(r.At("end"), $"end (hour {end.ToString("0.##", CultureInfo.InvariantCulture)}) is not after start (hour {start.ToString("0.##", CultureInfo.InvariantCulture)})", "give an end later than the start");
            return null;
        }

        return DistributionSpec.Fixed(end - start);
    }

    /// <summary>Hours from the scenario start; NaN after a reported problem.</summary>
    private static double ReadDisruptionStart(MappingReader r) => ReadHourOrTimestamp(r, "start");

    private static double ReadHourOrTimestamp(MappingReader r, string key)
    {
        var text = r.Text(key, required: true);
        if (text is null)
        {
            return double.NaN;
        }

        if (ScalarParsers.TryNumber(text, out var hours))
        {
            return hours;
        }

        if (ScalarParsers.TryTimestamp(text, out var timestamp))
        {
            // Without a valid scenario start (reported there) the hour cannot be known.
            return r.Context.Start is { } origin ? (timestamp - origin).TotalHours : double.NaN;
        }

        var hint = ScalarParsers.LooksLikeLocalTimestamp(text)
            ? ScalarParsers.OffsetHint(text, r.Context.Start?.Offset)
            : KeyHelp.Use(ScenarioKeys.Disruption, key);
        r.Error(r.At(key), $"{key} must be hours from the scenario start or an ISO-8601 timestamp with an offset, not '{text}'", hint);
        return double.NaN;
    }
}
