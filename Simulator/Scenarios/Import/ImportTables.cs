namespace Simulator.Scenarios.Import;

/// <summary>The tables of an import folder and their columns (docs/import.md describes each).</summary>
internal static class ImportTables
{
    public static TableSchema Partners { get; } = new("partners.csv", ["partner_bpnl", "tier"], ["name"], "partner_bpnl");

    public static TableSchema Sites { get; } = new("sites.csv", ["site_bpns", "partner_bpnl"], ["name", "calendar", "recovery_hours"], "site_bpns");

    public static TableSchema Calendars { get; } = new("calendars.csv", ["calendar", "days", "start", "end"], ["holidays"], "calendar");

    public static TableSchema Materials { get; } = new(
        "materials.csv", ["material_number"], ["description", "unit_cost", "kind", "unit_of_measurement", "catenax_id"], "material_number");

    public static TableSchema Lines { get; } = new(
        "lines.csv",
        ["line_id", "site_bpns", "rate_per_hour"],
        ["calendar", "margin_per_unit", "restart_stock_hours", "ramp_up_hours", "ramp_start_fraction"],
        "line_id");

    public static TableSchema Bom { get; } = new("bom.csv", ["consumer", "component_material_number", "quantity"], ["product_material_number"], "consumer");

    public static TableSchema Supply { get; } = new(
        "supply.csv",
        ["relation_id", "supplier_site_bpns", "customer", "material_number", "transit_hours", "trigger"],
        ["share", "capacity_per_hour", "dispatch_every_hours", "lead_hours", "reorder_point", "order_quantity", "review_hours", "order_up_to", "qualification_hours"],
        "relation_id");

    public static TableSchema StockLevels { get; } = new("stock_levels.csv", ["location", "material_number"], ["initial", "maximum"], "location");

    /// <summary>PURIS spreadsheet columns for stocks.</summary>
    public static TableSchema Stock { get; } = new(
        "stock.csv",
        ["ownMaterialNumber", "partnerBpnl", "quantity", "unitOfMeasurement", "stockSiteBpns", "lastUpdatedOnDateTime", "direction"],
        ["stockAddressBpna", "customerOrderNumber", "customerPositionId", "supplierOrderNumber", "isBlocked"],
        "ownMaterialNumber");

    /// <summary>PURIS spreadsheet columns for short-term demand.</summary>
    public static TableSchema Demand { get; } = new(
        "demand.csv",
        ["ownMaterialNumber", "partnerBpnl", "quantity", "unitOfMeasurement", "demandSiteBpns", "day", "lastUpdatedOnDateTime"],
        ["expectedSupplierSiteBpns", "demandCategoryCode"],
        "ownMaterialNumber");

    /// <summary>PURIS spreadsheet columns for deliveries.</summary>
    public static TableSchema Deliveries { get; } = new(
        "deliveries.csv",
        ["ownMaterialNumber", "partnerBpnl", "quantity", "unitOfMeasurement", "originSiteBpns", "destinationSiteBpns", "departureType", "departureTime", "arrivalType", "arrivalTime", "lastUpdatedOnDateTime"],
        ["originAddressBpna", "destinationAddressBpna", "trackingNumber", "incoterm", "customerOrderNumber", "customerPositionId", "supplierOrderNumber"],
        "ownMaterialNumber");

    /// <summary>Every table, in the order they are read.</summary>
    public static IReadOnlyList<TableSchema> All { get; } = [Partners, Sites, Calendars, Materials, Lines, Bom, Supply, StockLevels, Stock, Demand, Deliveries];

    /// <summary>Tables an import folder must have.</summary>
    public static IReadOnlyList<TableSchema> RequiredTables { get; } = [Partners, Sites, Materials, Lines, Bom, Supply];
}
