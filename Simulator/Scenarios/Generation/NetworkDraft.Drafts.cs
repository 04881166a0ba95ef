using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Mutable working records of the draft, turned into immutable specs at the end.</summary>
internal sealed partial class NetworkDraft
{
    private sealed class PlantDraft(string id, string name, string calendarId)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public string CalendarId { get; } = calendarId;

        public List<LineDraft> Lines { get; } = [];

        /// <summary>Line parts of the plant's model family.</summary>
        public List<LinePartDraft> Family { get; } = [];
    }

    private sealed class LineDraft(string id, PlantDraft plant, double ratePerHour)
    {
        public string Id { get; } = id;

        public string PlantId => plant.Id;

        public string CalendarId => plant.CalendarId;

        public double RatePerHour { get; } = ratePerHour;

        public double WeeklyOpenHours => WeeklyOpen(CalendarId);

        public List<LinePartDraft> Bom { get; } = [];
    }

    /// <summary>A line-side part with its sources and how it reaches every line that uses it.</summary>
    private sealed class LinePartDraft(string id, PartKind kind, double quantityPerJob)
    {
        public string Id { get; } = id;

        public PartKind Kind { get; } = kind;

        public double QuantityPerJob { get; } = quantityPerJob;

        public List<(SupplierDraft Supplier, ProductDraft Product)> Sources { get; } = [];

        public TriggerSpec Trigger { get; set; } = null!;

        public double DispatchEveryHours { get; set; }

        /// <summary>No lane to a line takes longer than this in transit (sizes the line-side stock and reorder point).</summary>
        public double TransitBoundHours { get; set; }

        public StockAmount LineInitial { get; set; } = StockAmount.Zero;

        public StockAmount? LineMaximum { get; set; }

        public double QualificationHours { get; set; }
    }

    /// <summary>A material made by a supplier of tier 2 or deeper.</summary>
    private sealed class MaterialDraft(string id, SupplierDraft supplier, ProductDraft product)
    {
        public string Id { get; } = id;

        public SupplierDraft Supplier { get; } = supplier;

        public ProductDraft Product { get; } = product;
    }

    private sealed class SupplierDraft(string id, string name, int tier, string calendarId)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public int Tier { get; } = tier;

        public string CalendarId { get; } = calendarId;

        public double WeeklyOpenHours => WeeklyOpen(CalendarId);

        public List<ProductDraft> Products { get; } = [];

        public List<InputStockSpec> InputStocks { get; } = [];
    }

    private sealed class ProductDraft(string partId)
    {
        public string PartId { get; } = partId;

        public List<BomItem> Inputs { get; } = [];

        /// <summary>Pieces its customers take per week at plan.</summary>
        public double WeeklyUnits { get; set; }

        /// <summary>Pieces per hour its customers take while they all run.</summary>
        public double PeakPerHour { get; set; }

        public double CapacityPerHour { get; set; }

        public StockAmount Finished { get; set; } = StockAmount.Zero;
    }
}
