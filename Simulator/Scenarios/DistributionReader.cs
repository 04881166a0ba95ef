using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Reads a duration: a plain number (fixed) or a <c>{ dist: ..., ... }</c> mapping.</summary>
internal static class DistributionReader
{
    public static DistributionSpec? Read(MappingReader parent, string key, bool required)
    {
        var node = parent.Value(key);
        if (node is null)
        {
            if (required)
            {
                parent.Missing(key);
            }

            return null;
        }

        if (node is SourceScalar)
        {
            return parent.NumberOf(node, key, NumberRule.NonNegative) is { } hours ? DistributionSpec.Fixed(hours) : null;
        }

        if (node is SourceSequence)
        {
            parent.Error(node.Start, $"{key} must be a number or a distribution mapping, not a list", "write e.g. 24 or { dist: normal, mean: 24, std: 6 }");
            return null;
        }

        return MappingReader.Open(node, ScenarioKeys.Distribution, parent.OwnerId, parent.Context, key) is { } reader
            ? ReadMapping(reader)
            : null;
    }

    private static DistributionSpec? ReadMapping(MappingReader r)
    {
        if (r.Choice("dist", Vocabulary.Distributions, required: true) is not { } kind)
        {
            return null;
        }

        var name = Vocabulary.NameOf(Vocabulary.Distributions, kind);
        var takes = Vocabulary.DistributionKeys[kind];
        foreach (var (keyNode, _) in r.Node.Children)
        {
            if (keyNode is SourceScalar { Value: { } k } && k != "dist" && ScenarioKeys.Of(ScenarioKeys.Distribution).Contains(k) && !takes.Contains(k))
            {
                r.Error(keyNode.Start, $"{k} does not apply to {Article(name)} {name} distribution", $"{Article(name)} {name} distribution takes: {string.Join(", ", takes)}");
            }
        }

        return kind switch
        {
            DistributionKind.Fixed => r.Number("value", NumberRule.NonNegative, required: true) is { } v ? DistributionSpec.Fixed(v) : null,
            DistributionKind.Exponential => r.Number("mean", NumberRule.Positive, required: true) is { } m ? new DistributionSpec(kind, Mean: m) : null,
            DistributionKind.Normal => MeanStd(r, kind, NumberRule.NonNegative),
            DistributionKind.LogNormal => MeanStd(r, kind, NumberRule.Positive),
            DistributionKind.Gamma or DistributionKind.Weibull => ShapeScale(r, kind),
            DistributionKind.Triangular => Triangular(r),
            DistributionKind.Uniform => Uniform(r),
            _ => Empirical(r),
        };
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static DistributionSpec? MeanStd(MappingReader r, DistributionKind kind, NumberRule meanRule)
    {
        var mean = r.Number("mean", meanRule, required: true);
        var std = r.Number("std", NumberRule.NonNegative, required: true);
        return mean is { } m && std is { } s ? new DistributionSpec(kind, Mean: m, Std: s) : null;
    }

    private static DistributionSpec? ShapeScale(MappingReader r, DistributionKind kind)
    {
        var shape = r.Number("shape", NumberRule.Positive, required: true);
        var scale = r.Number("scale", NumberRule.Positive, required: true);
        return shape is { } sh && scale is { } sc ? new DistributionSpec(kind, Shape: sh, Scale: sc) : null;
    }

    private static DistributionSpec? Triangular(MappingReader r)
    {
        var min = r.Number("min", NumberRule.NonNegative, required: true);
        var mode = r.Number("mode", NumberRule.NonNegative, required: true);
        var max = r.Number("max", NumberRule.NonNegative, required: true);
        if (min is not { } lo || mode is not { } mo || max is not { } hi)
        {
            return null;
        }

        if (lo > hi)
        {
            r.Error(r.At("min"), $"min ({lo}) must not exceed max ({hi})", "swap min and max");
            return null;
        }

        if (mo < lo || mo > hi)
        {
            r.Error(r.At("mode"), $"mode ({mo}) must lie between min ({lo}) and max ({hi})", "use a mode within [min, max]");
            return null;
        }

        return new DistributionSpec(DistributionKind.Triangular, Min: lo, Mode: mo, Max: hi);
    }

    private static DistributionSpec? Uniform(MappingReader r)
    {
        var min = r.Number("min", NumberRule.NonNegative, required: true);
        var max = r.Number("max", NumberRule.NonNegative, required: true);
        if (min is not { } lo || max is not { } hi)
        {
            return null;
        }

        if (lo > hi)
        {
            r.Error(r.At("min"), $"min ({lo}) must not exceed max ({hi})", "swap min and max");
            return null;
        }

        return new DistributionSpec(DistributionKind.Uniform, Min: lo, Max: hi);
    }

    private static DistributionSpec? Empirical(MappingReader r)
    {
        var items = r.List("values", required: true);
        var values = new List<double>();
        var ok = items.Count > 0;
        foreach (var item in items)
        {
            if (r.NumberOf(item, "values", NumberRule.NonNegative) is { } v)
            {
                values.Add(v);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new DistributionSpec(DistributionKind.Empirical, Values: values) : null;
    }
}
