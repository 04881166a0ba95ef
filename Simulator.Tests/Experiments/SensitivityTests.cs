using Simulator.Experiments;
using Simulator.Model.Specs;

namespace Simulator.Tests.Experiments;

/// <summary><c>sensitivity</c> on the one-line network of <see cref="BufferSizingTests"/>, where a stock's effect can be counted by hand.</summary>
public sealed class SensitivityTests
{
    private static SensitivityResult Run(SensitivityOptions? options = null) =>
        Sensitivity.Run(BufferSizingTests.Load(BufferSizingTests.OneLine(initial: 600)), options ?? new SensitivityOptions(Top: 1, DurationHours: 24));

    [Test]
    public void In_front_of_a_supplier_are_its_lane_the_stock_it_feeds_and_its_capacity()
    {
        var result = Run();

        Assert.Multiple(() =>
        {
            Assert.That(result.Targets.Single().Entry.Target.Id, Is.EqualTo("S"));

            // S holds no finished goods: 20 % of nothing is nothing, so that parameter is left out.
            Assert.That(
                result.Rows.Select(r => (r.Kind, r.Entity, r.Part, r.Holder, r.BaseValue)).OrderBy(r => r.Kind),
                Is.EqualTo(new[]
                {
                    (SensitivityParameterKind.Stock, "L1", "P", "line", 600.0),
                    (SensitivityParameterKind.LeadTime, "S-L1", "P", string.Empty, 1.0),
                    (SensitivityParameterKind.Capacity, "S", "P", string.Empty, 120.0),
                }));
        });
    }

    [Test]
    public void Each_unit_of_line_stock_moved_is_one_job_more_or_less_and_a_minute_of_halt_per_unit_of_rate()
    {
        // The line halts in all three runs, well before S is back at hour 24: 120 units more (or less) at the line
        // are 120 jobs more (or fewer) built, and at 60 jobs an hour the halt comes 2 h later (or sooner).
        var stock = Run().Rows.Single(r => r.Kind == SensitivityParameterKind.Stock);

        Assert.Multiple(() =>
        {
            Assert.That(stock.Low.LostUnits - stock.Base.LostUnits, Is.EqualTo(120).Within(1e-9));
            Assert.That(stock.Base.LostUnits - stock.High.LostUnits, Is.EqualTo(120).Within(1e-9));
            Assert.That(stock.Base.TimeToHaltHours - stock.Low.TimeToHaltHours, Is.EqualTo(2).Within(1e-9));
            Assert.That(stock.High.TimeToHaltHours - stock.Base.TimeToHaltHours, Is.EqualTo(2).Within(1e-9));
            Assert.That(stock.LostUnitsSwing, Is.EqualTo(240).Within(1e-9));
        });
    }

    [Test]
    public void Rows_come_largest_lost_units_swing_first()
    {
        var swings = Run().Rows.Select(r => r.LostUnitsSwing).ToList();

        Assert.That(swings, Is.Ordered.Descending);
    }

    [TestCase(0, 20, "--top must be at least 1, got 0")]
    [TestCase(1, 100, "--percent must be above 0 and below 100, got 100")]
    [TestCase(1, -5, "--percent must be above 0 and below 100, got -5")]
    public void Options_out_of_range_are_refused_with_the_reason(int top, double percent, string message)
    {
        var error = Assert.Throws<InvalidOptionsException>(() => Run(new SensitivityOptions(top, percent)));

        Assert.That(error!.Message, Is.EqualTo(message));
    }
}
