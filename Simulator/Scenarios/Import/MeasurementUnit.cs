namespace Simulator.Scenarios.Import;

/// <summary>
/// A unit of measurement as Catena-X writes it (<c>unit:piece</c>, <c>unit:kilogram</c>, ...): its dimension and its
/// size in the dimension's base unit, so quantities convert between units of one dimension and nowhere else.
/// </summary>
/// <param name="Name">Catena-X name, e.g. <c>unit:kilogram</c>.</param>
/// <param name="Dimension">What it measures; only units of one dimension convert into each other.</param>
/// <param name="Factor">Size in the dimension's base unit.</param>
internal sealed record MeasurementUnit(string Name, string Dimension, double Factor)
{
    private static readonly MeasurementUnit[] Known =
    [
        new("unit:piece", "piece", 1),
        new("unit:set", "set", 1),
        new("unit:pair", "pair", 1),
        new("unit:page", "page", 1),
        new("unit:cycle", "cycle", 1),
        new("unit:gram", "mass", 0.001),
        new("unit:kilogram", "mass", 1),
        new("unit:tonneMetricTon", "mass", 1000),
        new("unit:tonUsOrShortTonUkorus", "mass", 907.18474),
        new("unit:ounceAvoirdupois", "mass", 0.028349523125),
        new("unit:pound", "mass", 0.45359237),
        new("unit:millimetre", "length", 0.001),
        new("unit:centimetre", "length", 0.01),
        new("unit:metre", "length", 1),
        new("unit:kilometre", "length", 1000),
        new("unit:inch", "length", 0.0254),
        new("unit:foot", "length", 0.3048),
        new("unit:yard", "length", 0.9144),
        new("unit:squareCentimetre", "area", 0.0001),
        new("unit:squareMetre", "area", 1),
        new("unit:squareInch", "area", 0.00064516),
        new("unit:squareFoot", "area", 0.09290304),
        new("unit:squareYard", "area", 0.83612736),
        new("unit:cubicCentimetre", "volume", 0.000001),
        new("unit:millilitre", "volume", 0.000001),
        new("unit:litre", "volume", 0.001),
        new("unit:hectolitre", "volume", 0.1),
        new("unit:cubicMetre", "volume", 1),
        new("unit:cubicInch", "volume", 0.000016387064),
        new("unit:cubicFoot", "volume", 0.028316846592),
        new("unit:cubicYard", "volume", 0.764554857984),
        new("unit:kilowattHour", "energy", 1),
        new("unit:secondUnitOfTime", "time", 1.0 / 3600),
        new("unit:minuteUnitOfTime", "time", 1.0 / 60),
        new("unit:hourUnitOfTime", "time", 1),
        new("unit:day", "time", 24),
    ];

    // Short forms people write in spreadsheets; the Catena-X name is what gets reported.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pc"] = "unit:piece", ["pcs"] = "unit:piece", ["piece"] = "unit:piece", ["pieces"] = "unit:piece", ["ea"] = "unit:piece", ["st"] = "unit:piece",
        ["g"] = "unit:gram", ["kg"] = "unit:kilogram", ["t"] = "unit:tonneMetricTon", ["lb"] = "unit:pound",
        ["mm"] = "unit:millimetre", ["cm"] = "unit:centimetre", ["m"] = "unit:metre", ["km"] = "unit:kilometre",
        ["m2"] = "unit:squareMetre", ["m3"] = "unit:cubicMetre", ["l"] = "unit:litre", ["ml"] = "unit:millilitre", ["kwh"] = "unit:kilowattHour",
    };

    private static readonly Dictionary<string, MeasurementUnit> ByName = Known.ToDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Pieces, the unit of a material that names none.</summary>
    public static MeasurementUnit Piece { get; } = Known[0];

    /// <summary>The Catena-X names, for hints.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Known.Select(u => u.Name)];

    /// <summary>The unit called <paramref name="text"/> (Catena-X name, the name without <c>unit:</c>, or a short form).</summary>
    public static MeasurementUnit? Parse(string text)
    {
        var name = Aliases.GetValueOrDefault(text.Trim(), text.Trim());
        return ByName.GetValueOrDefault(name) ?? ByName.GetValueOrDefault("unit:" + name);
    }

    /// <summary><paramref name="quantity"/> of this unit in <paramref name="target"/>, or null when the dimensions differ.</summary>
    public double? ConvertTo(double quantity, MeasurementUnit target) =>
        Dimension == target.Dimension ? quantity * Factor / target.Factor : null;
}
