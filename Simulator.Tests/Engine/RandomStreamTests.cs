using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class RandomStreamTests
{
    [Test]
    public void Same_seed_and_name_give_the_same_draws()
    {
        var first = new RandomStreams(42).For("arrivals");
        var second = new RandomStreams(42).For("arrivals");

        Assert.That(Draw(first, 100), Is.EqualTo(Draw(second, 100)));
    }

    [Test]
    public void Adding_a_stream_does_not_change_the_draws_of_another()
    {
        var alone = new RandomStreams(7);
        var expected = Draw(alone.For("service"), 50);

        var crowded = new RandomStreams(7);
        _ = Draw(crowded.For("breakdowns"), 10);
        _ = Draw(crowded.For("arrivals"), 10);

        Assert.That(Draw(crowded.For("service"), 50), Is.EqualTo(expected));
    }

    [Test]
    public void Different_seeds_or_names_give_different_draws()
    {
        var reference = Draw(new RandomStreams(1).For("a"), 10);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Draw(new RandomStreams(2).For("a"), 10), Is.Not.EqualTo(reference));
            Assert.That(Draw(new RandomStreams(1).For("b"), 10), Is.Not.EqualTo(reference));
        }
    }

    [Test]
    public void Later_families_take_their_states_from_the_cache_and_draw_what_Create_draws()
    {
        // Families of one seed made after the first (on any thread) find the derived states in the process-wide cache.
        var created = Draw(RandomStreams.Create(99, "cached"), 20);
        var first = Draw(new RandomStreams(99).For("cached"), 20);
        var later = Enumerable.Range(0, 8).AsParallel().Select(_ => Draw(new RandomStreams(99).For("cached"), 20)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(created));
            Assert.That(later, Has.All.EqualTo(created));
            Assert.That(new RandomStreams(12345).For("pinned").NextUInt64(), Is.EqualTo(PinnedFirstDraw));
            Assert.That(new RandomStreams(12345).For("pinned").NextUInt64(), Is.EqualTo(PinnedFirstDraw));
        }
    }

    [Test]
    public void Draws_are_pinned_across_processes_and_machines()
    {
        // A fixed expectation: the stream must not depend on string hashing or the runtime's Random.
        var stream = RandomStreams.Create(12345, "pinned");
        var again = RandomStreams.Create(12345, "pinned");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stream.NextUInt64(), Is.EqualTo(again.NextUInt64()));
            Assert.That(RandomStreams.Create(12345, "pinned").NextUInt64(), Is.EqualTo(PinnedFirstDraw));
        }
    }

    [Test]
    public void Distribution_samples_have_the_expected_means()
    {
        var stream = new RandomStreams(99).For("moments");
        const int n = 200_000;

        // With n = 200,000 the standard error of each mean is below 0.5 % of it, so 2 % is over 4 standard errors.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Mean(() => stream.Exponential(3.0), n), Is.EqualTo(3.0).Within(2).Percent);
            Assert.That(Mean(() => stream.Normal(10.0, 2.0), n), Is.EqualTo(10.0).Within(2).Percent);
            Assert.That(Mean(() => stream.LogNormal(0.0, 0.5), n), Is.EqualTo(Math.Exp(0.125)).Within(2).Percent);
            Assert.That(Mean(() => stream.Gamma(2.0, 1.5), n), Is.EqualTo(3.0).Within(2).Percent);
            Assert.That(Mean(() => stream.Weibull(1.0, 4.0), n), Is.EqualTo(4.0).Within(2).Percent);
            Assert.That(Mean(() => stream.Triangular(0.0, 1.0, 5.0), n), Is.EqualTo(2.0).Within(2).Percent);
            Assert.That(Mean(() => stream.Uniform(2.0, 6.0), n), Is.EqualTo(4.0).Within(2).Percent);
            Assert.That(Mean(() => stream.Empirical([1.0, 2.0, 6.0]), n), Is.EqualTo(3.0).Within(2).Percent);
        }
    }

    [Test]
    public void Bounded_integers_stay_in_range()
    {
        var stream = new RandomStream(5);
        var draws = Enumerable.Range(0, 10_000).Select(_ => stream.Next(3, 7)).ToArray();

        Assert.That(draws.Distinct().Order(), Is.EqualTo(new[] { 3, 4, 5, 6 }));
    }

    private const ulong PinnedFirstDraw = 10348645393650364376;

    private static double[] Draw(Random random, int count) => Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray();

    private static double Mean(Func<double> sample, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += sample();
        }

        return sum / n;
    }
}
