using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class MonitoringTests
{
    [Test]
    public void Level_monitor_weights_each_level_by_how_long_it_held()
    {
        var env = new SimEnvironment();
        var monitor = new LevelMonitor(env, initialLevel: 0);
        env.Process(Change());

        env.Run(until: 10.0);

        // 0 for 2 h, 4 for 3 h, 1 for 5 h: (0*2 + 4*3 + 1*5) / 10.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(monitor.Mean, Is.EqualTo(1.7).Within(1e-12));
            Assert.That(monitor.Min, Is.Zero);
            Assert.That(monitor.Max, Is.EqualTo(4.0));
            Assert.That(monitor.TimeAtZero, Is.EqualTo(2.0));
            Assert.That(monitor.FractionAtZero, Is.EqualTo(0.2).Within(1e-12));
            Assert.That(monitor.Integral, Is.EqualTo(17.0).Within(1e-12));
        }

        IEnumerable<Event> Change()
        {
            yield return env.Timeout(2.0);
            monitor.Record(4);
            yield return env.Timeout(3.0);
            monitor.Add(-3);
        }
    }

    [Test]
    public void Level_monitor_reset_discards_the_warm_up()
    {
        var env = new SimEnvironment();
        var monitor = new LevelMonitor(env, initialLevel: 100);
        env.Run(until: 5.0);
        monitor.Reset();
        monitor.Record(2);
        env.Run(until: 9.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(monitor.Mean, Is.EqualTo(2.0));
            Assert.That(monitor.Max, Is.EqualTo(100.0));
            Assert.That(monitor.Duration, Is.EqualTo(4.0));
        }
    }

    [Test]
    public void Tally_reports_mean_variance_and_extremes_of_its_observations()
    {
        var tally = new Tally();
        foreach (var value in new[] { 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0 })
        {
            tally.Add(value);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tally.Count, Is.EqualTo(8));
            Assert.That(tally.Mean, Is.EqualTo(5.0).Within(1e-12));
            Assert.That(tally.Variance, Is.EqualTo(32.0 / 7.0).Within(1e-12));
            Assert.That(tally.Min, Is.EqualTo(2.0));
            Assert.That(tally.Max, Is.EqualTo(9.0));
        }
    }

    [Test]
    public void Empty_tally_has_no_mean()
    {
        var tally = new Tally();

        Assert.That(tally.Mean, Is.NaN);
    }
}
