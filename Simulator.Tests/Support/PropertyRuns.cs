namespace Simulator.Tests.Support;

/// <summary>
/// How many cases the property-based tests try: a CI-sized count by default, and a larger one when the environment
/// variable <c>LINESIM_PROPERTY_SCALE</c> multiplies it (<c>LINESIM_PROPERTY_SCALE=10</c> runs 1,000 networks).
/// </summary>
internal static class PropertyRuns
{
    /// <summary>The variable that scales every property test.</summary>
    public const string ScaleVariable = "LINESIM_PROPERTY_SCALE";

    /// <summary><paramref name="ciCount"/> times the scale, at least <paramref name="ciCount"/>.</summary>
    public static int Count(int ciCount) =>
        int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), out var scale) && scale > 1 ? ciCount * scale : ciCount;
}
