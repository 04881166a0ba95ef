namespace Simulator.Model.Specs;

/// <summary>A validated scenario: one supply network, its disruptions and its buffer-stock policies.</summary>
/// <param name="Name">Scenario name shown in reports.</param>
/// <param name="Description">Free text describing the story of the scenario.</param>
/// <param name="Start">Wall-clock timestamp of hour 0; the run counts hours from this instant.</param>
/// <param name="HorizonHours">Simulated hours from hour 0.</param>
/// <param name="SampleEveryHours">Resolution of the sampled time series.</param>
/// <param name="HoldingCostRatePerYear">Annual holding cost as a fraction of inventory value (0.25 = 25 % a year).</param>
/// <param name="ReferenceHours">Hour at which stress tests start their node disruptions.</param>
/// <param name="Calendars">Named shift patterns.</param>
/// <param name="Parts">Every part of the network.</param>
/// <param name="Plants">Vehicle or component plants with their lines.</param>
/// <param name="Suppliers">Suppliers of every tier.</param>
/// <param name="Lanes">Transport and ordering links from suppliers to lines or to other suppliers.</param>
/// <param name="ItSystems">IT systems and the functions that depend on them.</param>
/// <param name="Disruptions">Outages injected into the run.</param>
/// <param name="Policies">Named buffer-stock policies; the first is the default.</param>
/// <param name="SourcePath">File the scenario was loaded from, or null when built in code.</param>
/// <param name="State">Goods in transit and planned demand at hour 0, or null when the scenario gives none.</param>
/// <param name="TimeZoneId">IANA time zone of the sites without their own, or null for the fixed UTC offset of <paramref name="Start"/>.</param>
public sealed record ScenarioSpec(
    string Name,
    string Description,
    DateTimeOffset Start,
    double HorizonHours,
    double SampleEveryHours,
    double HoldingCostRatePerYear,
    double ReferenceHours,
    IReadOnlyList<CalendarSpec> Calendars,
    IReadOnlyList<PartSpec> Parts,
    IReadOnlyList<PlantSpec> Plants,
    IReadOnlyList<SupplierSpec> Suppliers,
    IReadOnlyList<LaneSpec> Lanes,
    IReadOnlyList<ItSystemSpec> ItSystems,
    IReadOnlyList<DisruptionSpec> Disruptions,
    IReadOnlyList<PolicySpec> Policies,
    string? SourcePath = null,
    StateSpec? State = null,
    string? TimeZoneId = null);
