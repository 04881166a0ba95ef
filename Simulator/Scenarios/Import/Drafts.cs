using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>Where an imported entity was defined: problems the scenario loader finds later point back here.</summary>
/// <param name="File">The table file as problems name it.</param>
/// <param name="Row">1-based row (the header is row 1).</param>
/// <param name="Column">1-based column of the id.</param>
internal sealed record Origin(string File, int Row, int Column)
{
    public static Origin Of(Cells cells, string column) => new(cells.File, cells.Row.Row, cells.Row.ColumnOf(column));
}

/// <summary>A partner (legal entity) and its tier: 0 for the own company, 1 for direct suppliers, and so on.</summary>
internal sealed record PartnerDraft(string Bpnl, string Name, int Tier);

/// <summary>A material and the unit its quantities are counted in.</summary>
internal sealed record MaterialDraft(PartSpec Part, MeasurementUnit Unit, string? CatenaXId);

/// <summary>A stock of one part at a line or a supplier, in the making.</summary>
internal sealed class StockDraft(string partId, StockAmount initial, StockAmount? maximum)
{
    public string PartId { get; } = partId;

    public StockAmount Initial { get; set; } = initial;

    public StockAmount? Maximum { get; } = maximum;
}

/// <summary>A line in the making.</summary>
internal sealed class LineDraft(string id, string plantId, double ratePerHour, string calendarId, double? margin, RestartRule restart)
{
    public string Id { get; } = id;

    public string PlantId { get; } = plantId;

    public double RatePerHour { get; } = ratePerHour;

    private readonly Dictionary<string, double> _quantity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StockDraft> _stock = new(StringComparer.Ordinal);

    public List<BomItem> Bom { get; } = [];

    public List<StockDraft> Stocks { get; } = [];

    /// <summary>Pieces of <paramref name="partId"/> per job, 0 when the line does not use it.</summary>
    public double QuantityOf(string partId) => _quantity.GetValueOrDefault(partId);

    public bool Uses(string partId) => _quantity.ContainsKey(partId);

    public void AddBom(BomItem item)
    {
        Bom.Add(item);
        _quantity[item.PartId] = item.QuantityPerJob;
    }

    public StockDraft? StockOf(string partId) => _stock.GetValueOrDefault(partId);

    public void AddStock(StockDraft stock)
    {
        Stocks.Add(stock);
        _stock[stock.PartId] = stock;
    }

    public LineSpec Build() => new(Id, PlantId, RatePerHour, calendarId, Bom, [.. Stocks.Select(s => new LineStockSpec(s.PartId, s.Initial, s.Maximum))], restart, margin);
}

/// <summary>A plant in the making.</summary>
internal sealed class PlantDraft(string id, string name, string? calendarId)
{
    public string Id { get; } = id;

    /// <summary>Calendar of its lines that name none.</summary>
    public string? CalendarId { get; } = calendarId;

    public List<LineDraft> Lines { get; } = [];

    public PlantSpec Build() => new(Id, name, [.. Lines.Select(l => l.Build())]);
}

/// <summary>A supplier product in the making.</summary>
internal sealed class ProductDraft(string partId)
{
    public string PartId { get; } = partId;

    public double? CapacityPerHour { get; set; }

    public Origin? CapacityOrigin { get; set; }

    public List<BomItem> Inputs { get; } = [];

    public StockDraft Finished { get; set; } = new(partId, StockAmount.Zero, null);

    public ProductSpec Build() =>
        new(PartId, CapacityPerHour ?? double.NaN, Inputs, Finished.Initial, Finished.Maximum ?? Finished.Initial);
}

/// <summary>A supplier site in the making.</summary>
internal sealed class SupplierDraft(string id, string name, int tier, string calendarId, double? recoveryHours)
{
    public string Id { get; } = id;

    public List<ProductDraft> Products { get; } = [];

    public List<StockDraft> Inputs { get; } = [];

    private int _placed;

    public ProductDraft? Product(string partId) => Products.Find(p => p.PartId == partId);

    /// <summary>Lists <paramref name="product"/> after the products placed before it: stock rows give the product order.</summary>
    public void PlaceNext(ProductDraft product)
    {
        var at = Products.IndexOf(product);
        if (at >= _placed)
        {
            Products.RemoveAt(at);
            Products.Insert(_placed++, product);
        }
    }

    public bool Consumes(string partId) => Products.Exists(p => p.Inputs.Exists(i => i.PartId == partId));

    public SupplierSpec Build() => new(
        Id, name, tier, calendarId, [.. Products.Select(p => p.Build())],
        [.. Inputs.Select(i => new InputStockSpec(i.PartId, i.Initial, i.Maximum))], recoveryHours);
}
