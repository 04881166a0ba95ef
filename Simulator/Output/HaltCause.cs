using System.Globalization;
using System.Text;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Output;

/// <summary>
/// The text of a cause chain, as written in <c>summary.csv</c>, <c>events.csv</c> and the console: links from the line
/// outwards joined by <see cref="LinkSeparator"/>, such as
/// <c>part:SEAT &lt;- supplier:T1-SEATS (tier 1) &lt;- it:OEM-EDI (order_transmission)</c>. The only place a chain
/// becomes text, and the only place text becomes a chain again.
/// </summary>
public static class HaltCause
{
    /// <summary>Separator between the links of the chain, from the line outwards.</summary>
    public const string LinkSeparator = " <- ";

    private const string FallbackSuffix = " on manual fallback";

    /// <summary>The chain's text; empty for <see cref="CauseChain.None"/>.</summary>
    public static string Format(CauseChain? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var link in chain.Links)
        {
            if (text.Length > 0)
            {
                text.Append(LinkSeparator);
            }

            text.Append(Format(link));
        }

        return text.ToString();
    }

    /// <summary>One link's text: <c>part:ID</c>, <c>supplier:ID (tier N)</c>, <c>it:ID (function)</c> (with <c> on manual fallback</c>), <c>node:ID (down)</c>, <c>planned:ID (planned stop)</c>, or a function's name alone.</summary>
    public static string Format(CauseLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var qualifier = link switch
        {
            { Kind: CauseLinkKind.Supplier, Tier: { } tier } => $" (tier {tier.ToString(CultureInfo.InvariantCulture)})",
            { Kind: CauseLinkKind.ItSystem, Function: { } function } => $" ({FunctionName(function)})",
            { Kind: CauseLinkKind.Node } => " (down)",
            { Kind: CauseLinkKind.PlannedStop } => " (planned stop)",
            _ => string.Empty,
        };
        var text = link.Kind == CauseLinkKind.Function ? FormatRoot(link) : FormatRoot(link) + qualifier;
        return link.ManualFallback ? text + FallbackSuffix : text;
    }

    /// <summary>A root cause's text as rankings show it, kind and id without qualifier: <c>it:OEM-EDI</c>, <c>node:T2</c>.</summary>
    public static string FormatRoot(CauseLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Kind == CauseLinkKind.Function
            ? FunctionName(link.Function ?? ItFunction.ProductionControl)
            : $"{Prefix(link.Kind)}:{link.Id}";
    }

    /// <summary>An event's detail as <c>events.csv</c> writes it: its cause's text, then its own detail.</summary>
    public static string EventDetail(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Cause is not { IsEmpty: false } cause)
        {
            return record.Detail;
        }

        var text = Format(cause);
        return record.Detail.Length == 0 ? text : $"{text} {record.Detail}";
    }

    /// <summary>The chain a text written by <see cref="Format(CauseChain?)"/> stands for; <see cref="CauseChain.None"/> for empty text.</summary>
    /// <exception cref="FormatException">A link is not one <see cref="Format(CauseLink)"/> writes.</exception>
    public static CauseChain Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? CauseChain.None : new CauseChain(text.Split(LinkSeparator).Select(ParseLink));
    }

    /// <summary>The part the line ran out of, or null for a control-system halt or no halt.</summary>
    public static string? StarvedPart(CauseChain? chain) => chain?.StarvedPart;

    private static CauseLink ParseLink(string text)
    {
        var fallback = text.EndsWith(FallbackSuffix, StringComparison.Ordinal);
        var body = fallback ? text[..^FallbackSuffix.Length] : text;
        if (FunctionOf(body) is { } bare)
        {
            return CauseLink.FunctionDown(bare) with { ManualFallback = fallback };
        }

        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        var kind = colon < 0 ? null : KindOf(body[..colon]);
        var id = colon < 0 ? string.Empty : space < 0 ? body[(colon + 1)..] : body[(colon + 1)..space];
        var qualifier = space < 0 ? string.Empty : body[(space + 1)..];
        CauseLink? link = kind switch
        {
            CauseLinkKind.Part when qualifier.Length == 0 => CauseLink.Part(id),
            CauseLinkKind.Supplier when qualifier.StartsWith("(tier ", StringComparison.Ordinal) && qualifier.EndsWith(')')
                && int.TryParse(qualifier["(tier ".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var tier) => CauseLink.Supplier(id, tier),
            CauseLinkKind.ItSystem when qualifier.StartsWith('(') && qualifier.EndsWith(')') && FunctionOf(qualifier[1..^1]) is { } function =>
                CauseLink.ItSystem(id, function),
            CauseLinkKind.Node when qualifier == "(down)" => CauseLink.Node(id),
            CauseLinkKind.PlannedStop when qualifier == "(planned stop)" => CauseLink.PlannedStop(id),
            _ => null,
        };
        if (link is null || id.Length == 0 || (fallback && link.Kind != CauseLinkKind.ItSystem))
        {
            throw new FormatException($"'{text}' is not a link of a cause chain (part:ID, supplier:ID (tier N), it:ID (function), node:ID (down), planned:ID (planned stop) or a function's name)");
        }

        return link with { ManualFallback = fallback };
    }

    private static string Prefix(CauseLinkKind kind) => kind switch
    {
        CauseLinkKind.Part => "part",
        CauseLinkKind.Supplier => "supplier",
        CauseLinkKind.ItSystem => "it",
        CauseLinkKind.PlannedStop => "planned",
        _ => "node",
    };

    private static CauseLinkKind? KindOf(string prefix) => prefix switch
    {
        "part" => CauseLinkKind.Part,
        "supplier" => CauseLinkKind.Supplier,
        "it" => CauseLinkKind.ItSystem,
        "node" => CauseLinkKind.Node,
        "planned" => CauseLinkKind.PlannedStop,
        _ => null,
    };

    private static string FunctionName(ItFunction function) => function switch
    {
        ItFunction.OrderTransmission => "order_transmission",
        ItFunction.Logistics => "logistics",
        _ => "production_control",
    };

    private static ItFunction? FunctionOf(string name) => name switch
    {
        "production_control" => ItFunction.ProductionControl,
        "order_transmission" => ItFunction.OrderTransmission,
        "logistics" => ItFunction.Logistics,
        _ => null,
    };
}
