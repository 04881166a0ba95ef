using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>
/// Typed, located access to the cells of one row: every getter reports what is wrong (empty, malformed, out of
/// range) at the row and column, with the row's id and a hint, and returns null so reading goes on.
/// </summary>
internal sealed partial class Cells(CsvRow row, ImportProblems problems)
{
    public CsvRow Row { get; } = row;

    public string File => Row.Table.Label;

    public void Error(string column, string message, string? hint) =>
        problems.Error(File, Row.Row, Row.ColumnOf(column), Row.Id, message, hint);

    public void Warning(string column, string message, string? hint) =>
        problems.Warning(File, Row.Row, Row.ColumnOf(column), Row.Id, message, hint);

    public string Text(string column) => Row.Text(column);

    public bool Has(string column) => Row.Has(column);

    /// <summary>A non-empty cell, or null after reporting it empty.</summary>
    public string? Required(string column, string example)
    {
        var text = Row.Text(column);
        if (text.Length > 0)
        {
            return text;
        }

        Error(column, $"{column} is empty", $"give {column}, e.g. {example}");
        return null;
    }

    /// <summary>A cell usable as a scenario id (letters, digits, '-', '_', '.'), or null after a problem.</summary>
    public string? Id(string column, string example, bool required = true)
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            return required ? Required(column, example) : null;
        }

        if (!IdPattern().IsMatch(text))
        {
            Error(column, $"{column} '{text}' may only contain letters, digits, '-', '_' and '.'", $"use an id like {Regex.Replace(text, "[^A-Za-z0-9._-]", "-").TrimStart('-', '.', '_')}");
            return null;
        }

        return text;
    }

    public double? Number(string column, NumberRule rule, bool required = false)
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            return required ? Missing(column) : null;
        }

        if (!ScalarParsers.TryNumber(text, out var value))
        {
            Error(column, $"{column} must be a number, not '{text}'", "write numbers with '.' as decimal point and no thousands separator, e.g. 1250.5");
            return null;
        }

        return InRange(column, value, rule) ? value : null;
    }

    public double Number(string column, NumberRule rule, double defaultValue) => Number(column, rule) ?? defaultValue;

    public int? Integer(string column, int minimum)
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            Missing(column);
            return null;
        }

        if (!ScalarParsers.TryInteger(text, out var value) || value < minimum)
        {
            Error(column, $"{column} must be a whole number of at least {minimum}, not '{text}'", $"e.g. {minimum + 1}");
            return null;
        }

        return value;
    }

    /// <summary>A stock amount: "240" (pieces), "4h" (hours of cover) or "2d" (days of cover).</summary>
    public StockAmount? Stock(string column, NumberRule rule)
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!ScalarParsers.TryStockAmount(text, out var amount))
        {
            Error(column, $"{column} must be a stock amount, not '{text}'", "write pieces (240), hours of cover (4h) or days of cover (2d)");
            return null;
        }

        return InRange(column, amount.Value, rule) ? amount : null;
    }

    /// <summary>An ISO-8601 timestamp with offset.</summary>
    public DateTimeOffset? Timestamp(string column, bool required)
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            return required ? MissingTimestamp(column) : null;
        }

        if (ScalarParsers.TryTimestamp(text, out var value))
        {
            return value;
        }

        var hint = ScalarParsers.LooksLikeLocalTimestamp(text)
            ? $"add the UTC offset so the result does not depend on the machine's time zone, e.g. {text}{(text.Length > 10 ? string.Empty : "T00:00:00")}+01:00"
            : "write an ISO-8601 timestamp with offset, e.g. 2025-09-01T06:00:00+02:00";
        Error(column, $"{column} must be an ISO-8601 timestamp with an offset, not '{text}'", hint);
        return null;
    }

    /// <summary>true/false (also yes/no, 1/0, case-insensitive); empty is <paramref name="defaultValue"/>.</summary>
    public bool? Boolean(string column, bool defaultValue)
    {
        var text = Row.Text(column);
        switch (text.ToLowerInvariant())
        {
            case "":
                return defaultValue;
            case "true" or "yes" or "1":
                return true;
            case "false" or "no" or "0":
                return false;
            default:
                Error(column, $"{column} must be true or false, not '{text}'", "write true or false");
                return null;
        }
    }

    /// <summary>One of the <paramref name="names"/> (case-insensitive); empty is <paramref name="defaultValue"/>.</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> names, T? defaultValue)
        where T : struct
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            if (defaultValue is null)
            {
                Missing(column);
            }

            return defaultValue;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error(column, $"unknown {column} '{text}'", Suggestions.DidYouMean(text, [.. names.Keys], "valid values:"));
        return null;
    }

    /// <summary>
    /// A duration: a number of hours, or <c>family(p1 p2 ...)</c> with the family's parameters in the order of the
    /// scenario format (e.g. <c>triangular(2 3 5)</c> for min, mode, max).
    /// </summary>
    public DistributionSpec? Duration(string column, bool required)
    {
        var text = Row.Text(column);
        if (text.Length == 0)
        {
            return required ? MissingDuration(column) : null;
        }

        if (ScalarParsers.TryNumber(text, out var hours))
        {
            return InRange(column, hours, NumberRule.NonNegative) ? DistributionSpec.Fixed(hours) : null;
        }

        var match = DistributionPattern().Match(text);
        if (!match.Success || !Vocabulary.Distributions.TryGetValue(match.Groups["family"].Value.ToLowerInvariant(), out var kind))
        {
            Error(column, $"{column} must be hours or a distribution, not '{text}'", "write hours (1.5) or a family with its parameters in brackets, e.g. triangular(2 3 5), lognormal(6 1.2), normal(6 1)");
            return null;
        }

        var parameters = new List<double>();
        foreach (var part in match.Groups["params"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ScalarParsers.TryNumber(part, out var p))
            {
                Error(column, $"parameter '{part}' of {column} is not a number", "separate the parameters with spaces, e.g. triangular(2 3 5)");
                return null;
            }

            parameters.Add(p);
        }

        var keys = Vocabulary.DistributionKeys[kind];
        if (kind != DistributionKind.Empirical ? parameters.Count != keys.Length : parameters.Count == 0)
        {
            var name = Vocabulary.NameOf(Vocabulary.Distributions, kind);
            Error(column, $"{name} takes {(kind == DistributionKind.Empirical ? "one or more values" : string.Join(", ", keys))}, got {parameters.Count} parameter(s) in '{text}'", $"write {name}({string.Join(' ', keys)})");
            return null;
        }

        double P(int i) => parameters[i];
        return kind switch
        {
            DistributionKind.Fixed => DistributionSpec.Fixed(P(0)),
            DistributionKind.Exponential => new DistributionSpec(kind, Mean: P(0)),
            DistributionKind.Normal or DistributionKind.LogNormal => new DistributionSpec(kind, Mean: P(0), Std: P(1)),
            DistributionKind.Gamma or DistributionKind.Weibull => new DistributionSpec(kind, Shape: P(0), Scale: P(1)),
            DistributionKind.Triangular => new DistributionSpec(kind, Min: P(0), Mode: P(1), Max: P(2)),
            DistributionKind.Uniform => new DistributionSpec(kind, Min: P(0), Max: P(1)),
            _ => new DistributionSpec(kind, Values: parameters),
        };
    }

    private bool InRange(string column, double value, NumberRule rule)
    {
        var (ok, what) = rule switch
        {
            NumberRule.NonNegative => (value >= 0, "0 or more"),
            NumberRule.Positive => (value > 0, "more than 0"),
            NumberRule.Fraction => (value > 0 && value <= 1, "in (0, 1]"),
            _ => (true, string.Empty),
        };
        if (!ok)
        {
            Error(column, $"{column} must be {what}, not {value.ToString(CultureInfo.InvariantCulture)}", $"give {column} {what}");
        }

        return ok;
    }

    private double? Missing(string column)
    {
        Error(column, $"{column} is empty", $"give {column}, a number");
        return null;
    }

    private DateTimeOffset? MissingTimestamp(string column)
    {
        Error(column, $"{column} is empty", "give an ISO-8601 timestamp with offset, e.g. 2025-09-01T06:00:00+02:00");
        return null;
    }

    private DistributionSpec? MissingDuration(string column)
    {
        Error(column, $"{column} is empty", "give hours (1.5) or a distribution, e.g. triangular(2 3 5)");
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<family>[A-Za-z]+)\s*\((?<params>[^()]*)\)$")]
    private static partial Regex DistributionPattern();
}
