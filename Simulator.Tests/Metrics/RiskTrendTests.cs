using Simulator.Metrics;

namespace Simulator.Tests.Metrics;

/// <summary>Where risks are forming between two survive snapshots.</summary>
public sealed class RiskTrendTests
{
    [Test]
    public void Shrunk_and_newly_halting_and_newly_mitigating_targets_are_reported_most_urgent_first()
    {
        SurviveSnapshotRow[] previous =
        [
            new("T1", "supplier", 8, false),
            new("WMS", "it_system", 4, true),
            new("X", "supplier", null, false),
            new("Y", "supplier", 10, false),
            new("Z", "supplier", 3, false),
        ];
        SurviveSnapshotRow[] current =
        [
            new("T1", "supplier", 6, true),
            new("WMS", "it_system", 4, true),
            new("X", "supplier", 5, false),
            new("Y", "supplier", 7.5, false),
            new("Z", "supplier", 4, false),
            new("NEW", "provider", 12, false),
            new("SAFE", "supplier", null, false),
        ];

        var changes = RiskTrend.Of(current, previous);

        Assert.That(changes, Is.EqualTo(new[]
        {
            new RiskChange("T1", "supplier", 8, 6, 2, true, true),
            new RiskChange("NEW", "provider", null, 12, null, false, false),
            new RiskChange("X", "supplier", null, 5, null, false, true),
            new RiskChange("Y", "supplier", 10, 7.5, 2.5, false, true),
        }));
    }

    [Test]
    public void The_same_snapshot_twice_shows_no_risk_forming()
    {
        SurviveSnapshotRow[] rows = [new("T1", "supplier", 6, true), new("EDI", "it_system", null, false)];

        Assert.That(RiskTrend.Of(rows, rows), Is.Empty);
    }

    [Test]
    public void Targets_match_by_kind_as_well_as_id()
    {
        var changes = RiskTrend.Of([new("A", "provider", 5, false)], [new("A", "supplier", 5, false)]);

        Assert.That(changes.Single().InPrevious, Is.False);
    }
}
