namespace Simulator.Output;

/// <summary>Reading of a halt cause chain such as <c>part:SEAT &lt;- supplier:T1-SEATS (tier 1) &lt;- it:OEM-EDI (order_transmission)</c>.</summary>
public static class HaltCause
{
    /// <summary>Separator between the links of the chain, from the line outwards.</summary>
    public const string LinkSeparator = " <- ";

    /// <summary>The part the line ran out of, or null when the chain does not start with <c>part:ID</c> (a control-system halt).</summary>
    public static string? StarvedPart(string? cause) => Metrics.Headline.StarvedPart(cause);
}
