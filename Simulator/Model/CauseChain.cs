using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>What a link of a halt's cause chain names.</summary>
public enum CauseLinkKind
{
    /// <summary>An IT system down for one function (<see cref="CauseLink.Function"/>), possibly on its manual fallback.</summary>
    ItSystem,

    /// <summary>A whole node (plant, line or supplier) down.</summary>
    Node,

    /// <summary>A part that ran short.</summary>
    Part,

    /// <summary>A planned stop (a disruption of kind <c>planned_stop</c>): the plan, not a failure.</summary>
    PlannedStop,

    /// <summary>A function held down without an IT system to name (<see cref="CauseLink.Function"/>).</summary>
    Function,

    /// <summary>A supplier that could not ship, with its tier.</summary>
    Supplier,
}

/// <summary>One link of a halt's cause chain: a part, a supplier and its tier, an IT system and its function, or a node.</summary>
/// <param name="Kind">What the link names.</param>
/// <param name="Id">Id of the part, supplier, IT system or node; empty for <see cref="CauseLinkKind.Function"/>.</param>
/// <param name="Tier">The supplier's tier; null for other kinds.</param>
/// <param name="Function">The function down, for IT systems and <see cref="CauseLinkKind.Function"/>; null for others.</param>
/// <param name="ManualFallback">Whether the IT system works on its manual fallback (reduced, not down).</param>
public sealed record CauseLink(CauseLinkKind Kind, string Id, int? Tier = null, ItFunction? Function = null, bool ManualFallback = false)
    : IComparable<CauseLink>
{
    /// <summary>A part that ran short.</summary>
    public static CauseLink Part(string id) => new(CauseLinkKind.Part, id);

    /// <summary>A supplier of the given tier that could not ship.</summary>
    public static CauseLink Supplier(string id, int tier) => new(CauseLinkKind.Supplier, id, tier);

    /// <summary>An IT system down for <paramref name="function"/>.</summary>
    public static CauseLink ItSystem(string id, ItFunction function) => new(CauseLinkKind.ItSystem, id, Function: function);

    /// <summary>A whole node down.</summary>
    public static CauseLink Node(string id) => new(CauseLinkKind.Node, id);

    /// <summary>The planned stop <paramref name="id"/>.</summary>
    public static CauseLink PlannedStop(string id) => new(CauseLinkKind.PlannedStop, id);

    /// <summary>A function held down without an IT system to name.</summary>
    public static CauseLink FunctionDown(ItFunction function) => new(CauseLinkKind.Function, string.Empty, Function: function);

    /// <summary>The link with only its kind and id: what a ranking of root causes groups by.</summary>
    public CauseLink WithoutQualifier() => this with { Tier = null, Function = Kind == CauseLinkKind.Function ? Function : null, ManualFallback = false };

    /// <summary>Kind, then id (ordinal), then tier, function (by name) and fallback: the order of the links' text.</summary>
    public int CompareTo(CauseLink? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = TextRank(this).CompareTo(TextRank(other));
        if (c == 0)
        {
            c = string.CompareOrdinal(Id, other.Id);
        }

        if (c == 0)
        {
            // As text, not as numbers: "(tier 11)" sorts before "(tier 4)" in the chain's text.
            c = string.CompareOrdinal(Tier?.ToString(CultureInfo.InvariantCulture), other.Tier?.ToString(CultureInfo.InvariantCulture));
        }

        if (c == 0)
        {
            c = FunctionRank(Function).CompareTo(FunctionRank(other.Function));
        }

        return c != 0 ? c : ManualFallback.CompareTo(other.ManualFallback);
    }

    // Text prefixes in ordinal order: "it:", "logistics", "node:", "order_transmission", "part:", "planned:", "production_control", "supplier:".
    private static int TextRank(CauseLink link) => link.Kind switch
    {
        CauseLinkKind.ItSystem => 0,
        CauseLinkKind.Function when link.Function == ItFunction.Logistics => 1,
        CauseLinkKind.Node => 2,
        CauseLinkKind.Function when link.Function == ItFunction.OrderTransmission => 3,
        CauseLinkKind.Part => 4,
        CauseLinkKind.PlannedStop => 5,
        CauseLinkKind.Function => 6,
        _ => 7,
    };

    // Function names in ordinal order: logistics, order_transmission, production_control.
    private static int FunctionRank(ItFunction? function) => function switch
    {
        null => 0,
        ItFunction.Logistics => 1,
        ItFunction.OrderTransmission => 2,
        _ => 3,
    };
}

/// <summary>
/// Why a line halted, from the line outwards: the part it ran out of, the supplier that could not ship it, that
/// supplier's short input and its supplier, and so on to the root (an IT system or a node down); or only the root
/// when the line's own control system is down. Compared by content.
/// </summary>
public sealed class CauseChain : IEquatable<CauseChain>, IComparable<CauseChain>
{
    /// <summary>The chain with no links: no halt.</summary>
    public static readonly CauseChain None = new([]);

    private readonly CauseLink[] _links;

    /// <summary>A chain of the given links, from the line outwards.</summary>
    public CauseChain(IEnumerable<CauseLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _links = links.ToArray();
    }

    /// <summary>The links, from the line outwards.</summary>
    public IReadOnlyList<CauseLink> Links => _links;

    /// <summary>Whether the chain has no links (no halt).</summary>
    public bool IsEmpty => _links.Length == 0;

    /// <summary>The last link: the IT system or node down, or the last supplier known; null when empty.</summary>
    public CauseLink? Root => IsEmpty ? null : _links[^1];

    /// <summary>The part the line ran out of (the first link when it is a part); null for a control-system halt.</summary>
    public string? StarvedPart => !IsEmpty && _links[0].Kind == CauseLinkKind.Part ? _links[0].Id : null;

    /// <summary>A chain of a single link.</summary>
    public static CauseChain Of(CauseLink link) => new([link]);

    /// <inheritdoc/>
    public bool Equals(CauseChain? other) => other is not null && _links.AsSpan().SequenceEqual(other._links);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CauseChain);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var link in _links)
        {
            hash.Add(link);
        }

        return hash.ToHashCode();
    }

    /// <summary>Link by link (<see cref="CauseLink.CompareTo"/>), a chain before its extensions: the order of the chains' text.</summary>
    public int CompareTo(CauseChain? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(_links.Length, other._links.Length); i++)
        {
            var c = _links[i].CompareTo(other._links[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return _links.Length.CompareTo(other._links.Length);
    }
}
