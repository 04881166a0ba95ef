namespace Simulator.Scenarios;

/// <summary>The scenario format's rules for single values, for a tool that checks its own options the same way.</summary>
public static class ScenarioSyntax
{
    /// <summary>Whether <paramref name="text"/> is an ISO-8601 timestamp with an offset, as the format requires (<c>2025-09-01T06:00:00+02:00</c>).</summary>
    public static bool IsTimestamp(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScalarParsers.TryTimestamp(text, out _);
    }

    /// <summary>Whether <paramref name="text"/> is a valid id: ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit.</summary>
    public static bool IsId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MappingReader.IsValidId(text);
    }
}
