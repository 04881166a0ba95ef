using System.Globalization;

namespace Simulator.Output;

/// <summary>Lists of names as a console cell: short enough to keep a table readable at the size of a real network.</summary>
internal static class ListText
{
    /// <summary>"-" for none, the names for one or two, else the first two and how many more ("A, B +4").</summary>
    public static string FirstTwo(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "-",
        <= 2 => string.Join(", ", names),
        _ => $"{names[0]}, {names[1]} +{(names.Count - 2).ToString(CultureInfo.InvariantCulture)}",
    };
}
