using MathNet.Numerics.Distributions;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Experiments;

/// <summary>Replications reproduce a distribution known in closed form.</summary>
public sealed class TimeToHaltDistributionTests
{
    private const double MeanOutageHours = 6;
    private const double StockHours = 4;
    private const double LeadHours = 2;

    // What the line can build without new orders: its stock plus the call-offs already sent (docs/architecture.md, the runtime protocol).
    private const double CoverHours = StockHours + LeadHours;
    private const int Replications = 1000;

    /// <summary>
    /// An order-transmission (EDI) outage of exponential length against a fixed cover, with no production-control
    /// system involved: the line keeps building until stock and pipeline are used up, so it halts exactly when the
    /// outage outlasts the cover. A fast supplier (capacity 100x demand, trucks every 0.05 h, no transit) refills the
    /// line within 0.05 h of the restore, so an outage ending less than 0.05 h before the cover runs out can still halt
    /// the line; that shifts P(halt) by at most exp(-c/m) x 0.05/m = 0.003, a tenth of the tolerance below.
    /// </summary>
    private static ExperimentResult Run() =>
        Experiment.Stream(
            new ScenarioBuilder()
                .Horizon(48)
                .SampleEvery(4)
                .Part("SEAT")
                .Line("L1", "PLANT", 60, [("SEAT", StockHours * 60)])
                .Supplier("T1", 1, "SEAT", capacityPerHour: 6000)
                .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(LeadHours), transitHours: 0, dispatchEveryHours: 0.05)
                .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"])
                .Disruption("edi", ["EDI"], startHours: 10, new DistributionSpec(DistributionKind.Exponential, Mean: MeanOutageHours))
                .Build(),
            new ExperimentOptions([], Replications, Seed: 2025),
            sink: null);

    [Test]
    public void Exponential_outage_against_a_fixed_cover_halts_with_probability_exp_minus_c_over_m()
    {
        var lines = Run().Lines;
        var halted = lines.Count(l => l.TimeToHaltHours is not null);
        var expected = Math.Exp(-CoverHours / MeanOutageHours);

        // Halts are Binomial(n, p): the observed fraction has standard deviation sqrt(p (1 - p) / n) = 0.0153 for
        // n = 1000 and p = exp(-1). Four standard deviations (0.061) fail a correct model with probability 6e-5, while
        // an error of a quarter of the cover (exp(-1.25) = 0.287 or exp(-0.75) = 0.472) is more than 5 deviations off.
        var tolerance = 4 * Math.Sqrt(expected * (1 - expected) / Replications);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(Replications));
            Assert.That(halted / (double)Replications, Is.EqualTo(expected).Within(tolerance));
            Assert.That(lines.Where(l => l.TimeToHaltHours is not null).Select(l => l.TimeToHaltHours), Is.All.EqualTo(CoverHours).Within(1e-6), "a halt comes when the cover runs out");
        });
    }

    [Test]
    public void Downtime_of_the_lines_that_halted_is_exponential_with_the_outage_mean()
    {
        // Memorylessness: given that the outage outlasted the cover, the rest of it is again exponential(m). The line
        // stands from the end of the cover to the restore (plus the refill, under 0.05 h). Kolmogorov-Smirnov against
        // Exp(m): the critical value at 1 % is 1.63 / sqrt(k) for k halts; the refill shifts the CDF by at most
        // 0.05 / m = 0.008, added to it.
        var downtimes = Run().Lines.Where(l => l.TimeToHaltHours is not null).Select(l => l.DowntimeHours).Order().ToArray();
        var outage = new Exponential(1 / MeanOutageHours);
        var k = downtimes.Length;
        var distance = downtimes.Select((x, i) => Math.Max(Math.Abs(((i + 1.0) / k) - outage.CumulativeDistribution(x)), Math.Abs((i / (double)k) - outage.CumulativeDistribution(x)))).Max();

        Assert.That(k, Is.GreaterThan(300));
        Assert.That(distance, Is.LessThan((1.63 / Math.Sqrt(k)) + (0.05 / MeanOutageHours)));
    }
}
