namespace Simulator.Output;

/// <summary>Reading of a halt cause chain such as <c>part:SEAT &lt;- supplier:T1-SEATS (tier 1) &lt;- it:OEM-EDI (order_transmission)</c>.</summary>
public static class HaltCause
{
    /// <summary>Separator between the links of the chain, from the line outwards.</summary>
    public const string LinkSeparator = " <- ";

    /// <summary>The part the line ran out of, or null when the chain does not start with <c>part:ID</c> (a control-system halt).</summary>
    public static string? StarvedPart(string? cause)
    {
        if (string.IsNullOrWhiteSpace(cause))
        {
            return null;
        }

        var separator = cause.IndexOf(LinkSeparator, StringComparison.Ordinal);
        var first = (separator < 0 ? cause : cause[..separator]).Trim();
        const string prefix = "part:";
        if (!first.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        // Tolerate a qualifier after the id, as in "part:SEAT (jis)".
        var id = first[prefix.Length..].Trim();
        var space = id.IndexOf(' ', StringComparison.Ordinal);
        id = space < 0 ? id : id[..space];
        return id.Length == 0 ? null : id;
    }
}
