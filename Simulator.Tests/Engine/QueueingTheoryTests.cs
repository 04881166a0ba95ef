using MathNet.Numerics.Statistics;
using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>
/// The kernel against closed-form queueing results. Waits of successive customers are strongly correlated
/// near saturation, so the standard error comes from batch means: 20 batches of at least 25,000 customers each,
/// far longer than the relaxation time of these queues (about 1 / (mu (1 - sqrt(rho)))^2 = 90 service times at
/// rho = 0.8), so batch means are close to independent and the t-distribution with 19 degrees of freedom
/// applies. The tolerance is 5 standard errors (two-sided p below 1e-4 under t(19)); the seeds are fixed, so the
/// tests are deterministic, and each test also checks that its standard error is small enough (below 3 % of the
/// theoretical value) for the comparison to mean something.
/// </summary>
public sealed class QueueingTheoryTests
{
    private const int Batches = 20;
    private const double ToleranceInStandardErrors = 5.0;

    [Test]
    public void MM1_mean_wait_in_queue_matches_rho_over_mu_minus_lambda()
    {
        const double lambda = 0.8;
        const double mu = 1.0;
        var streams = new RandomStreams(2024);
        var service = streams.For("service");
        var system = new QueueingSystem(new SimEnvironment(), 1, lambda, () => service.Exponential(1.0 / mu), streams.For("arrivals"), 1_000_000, 20_000);

        system.Run();

        AssertMeanMatches(system.WaitsHours, lambda / mu / (mu - lambda));
    }

    [Test]
    public void MM3_mean_wait_in_queue_matches_erlang_c()
    {
        const double lambda = 2.4;
        const double mu = 1.0;
        const int servers = 3;
        var streams = new RandomStreams(77);
        var service = streams.For("service");
        var system = new QueueingSystem(new SimEnvironment(), servers, lambda, () => service.Exponential(1.0 / mu), streams.For("arrivals"), 600_000, 20_000);

        system.Run();

        AssertMeanMatches(system.WaitsHours, ErlangC(servers, lambda / mu) / ((servers * mu) - lambda));
    }

    [Test]
    public void MD1_mean_wait_in_queue_matches_pollaczek_khinchine()
    {
        const double lambda = 0.8;
        const double serviceHours = 1.0;
        var streams = new RandomStreams(31337);
        var system = new QueueingSystem(new SimEnvironment(), 1, lambda, () => serviceHours, streams.For("arrivals"), 600_000, 20_000);

        system.Run();

        // Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)), with E[S^2] = D^2 for a deterministic service.
        const double rho = lambda * serviceHours;
        AssertMeanMatches(system.WaitsHours, lambda * serviceHours * serviceHours / (2.0 * (1.0 - rho)));
    }

    [Test]
    public void Littles_law_links_time_average_number_in_system_to_throughput_and_sojourn()
    {
        var streams = new RandomStreams(5);
        var service = streams.For("service");
        var env = new SimEnvironment();
        var system = new QueueingSystem(env, 2, 1.5, () => service.Gamma(2.0, 0.5), streams.For("arrivals"), 200_000, 5_000);

        system.Run();

        // L = lambda W holds on every sample path between empty instants; the only gap is the customers already in
        // the system when measurement starts (a handful against 195,000), so 1 % is a generous bound.
        var duration = system.InSystem.Duration;
        var throughputPerHour = system.SojournHours.Count / duration;
        Assert.That(system.InSystem.Mean, Is.EqualTo(throughputPerHour * system.SojournHours.Mean).Within(1).Percent);
    }

    private static void AssertMeanMatches(double[] samples, double expected)
    {
        var batchSize = samples.Length / Batches;
        var batchMeans = Enumerable.Range(0, Batches).Select(b => samples.AsSpan(b * batchSize, batchSize).ToArray().Mean()).ToArray();
        var mean = batchMeans.Mean();
        var standardError = batchMeans.StandardDeviation() / Math.Sqrt(Batches);

        TestContext.Out.WriteLine($"mean {mean:F4} (expected {expected:F4}), standard error {standardError:F4}, n = {samples.Length}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(standardError, Is.LessThan(0.03 * expected), "the run is too short for a meaningful comparison");
            Assert.That(mean, Is.EqualTo(expected).Within(ToleranceInStandardErrors * standardError));
        }
    }

    private static double ErlangC(int servers, double offeredLoad)
    {
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k < servers; k++)
        {
            term *= offeredLoad / k;
            sum += term;
        }

        var last = term * offeredLoad / servers * servers / (servers - offeredLoad);
        return last / (sum + last);
    }
}
