using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary>A supplier builds its backlog by need date across its customers, not one customer's backlog after another's.</summary>
public sealed class BacklogByNeedDateTests
{
    [Test]
    public void Two_lines_with_equal_backlogs_restart_together_when_order_transmission_returns()
    {
        // Two identical lines (60 jobs/h, 60 seats at the line, a 2 h sequence pipeline = 120 seats arriving over
        // hours 0..2, no transit) share one seat supplier of 180/h, 1.5 x their demand. Its EDI is down 0..10; the
        // call-off of each line's first job at hour 0 still gets through, so each line has 60 + 120 + 1 seats, runs
        // 181 jobs and halts at 181 / 60 h, having called off 180 seats the supplier never heard of. At 10
        // both backlogs arrive at once, needed from 0 + 2 h onwards, call-off batch by call-off batch. Each line
        // restarts with 1 h of stock (60 seats).
        // By need date the batches interleave, so each line gets half the output, 90/h: 60 seats after 40 min; the
        // quarter-hourly truck at 10.75 finds 135 made (A 75, B 60 seats) and both lines restart at 10.75.
        // First come first served would build A's 180 first (A restarts at 10.5 with 90 seats), and B's first 60 only
        // from 11.0 to 11.33, so B would restart at 11.5.
        var line = new RestartRule(StockHours: 1, RampUpHours: 0, RampStartFraction: 1);
        var builder = new ScenarioBuilder()
            .Horizon(24)
            .Part("SEAT")
            .Line("A", "PA", 60, [("SEAT", 60)], restart: line)
            .Line("B", "PB", 60, [("SEAT", 60)], restart: line)
            .Supplier("T1", 1, "SEAT", capacityPerHour: 180)
            .Lane("T1-A", "T1", "A", "SEAT", Sequence(2))
            .Lane("T1-B", "T1", "B", "SEAT", Sequence(2))
            .ItSystem("EDI", ItFunction.OrderTransmission, ["T1"])
            .Disruption("edi", ["EDI"], startHours: 0, durationHours: 10);

        var lines = Experiment.RunReplication(Network.Build(builder.Build(), null), "as-written", 0, 7).Lines;

        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => l.TimeToHaltHours), Is.EqualTo(new double?[] { 181.0 / 60, 181.0 / 60 }).Within(1e-9));
            Assert.That(lines.Select(l => l.TimeToRestartHours), Is.EqualTo(new double?[] { 0.75, 0.75 }).Within(1e-9), "hours after the outage ends");
        });
    }

    [Test]
    public void The_order_book_serves_the_earliest_need_first_and_ties_in_lane_order()
    {
        // Booked: lane 1 needs 10 at 5 h, lane 0 needs 10 at 6 h, lane 2 needs 10 at 5 h, lane 0 needs 4 more at 6 h
        // (merges). Order of service: lane 1 (5 h), lane 2 (5 h, after lane 1), lane 0 (6 h, 14 pieces).
        var book = new OrderBook();
        book.Add(1, 10, 5);
        book.Add(0, 10, 6);
        book.Add(2, 10, 5);
        book.Add(0, 4, 6);
        var ready = new double[3];

        var first = book.Serve(15, ready);
        var firstReady = ready.ToArray();
        var left = book.Serve(30, ready);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Zero);
            Assert.That(firstReady, Is.EqualTo(new[] { 0.0, 10, 5 }));
            Assert.That(left, Is.EqualTo(11).Within(1e-12));
            Assert.That(ready, Is.EqualTo(new[] { 14.0, 10, 10 }));
            Assert.That(book.Count, Is.Zero);
        });
    }
}
