using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Experiments;

/// <summary><c>survive --method lp</c>: the LP time-to-survive and least loss beside the simulated figures, from the same state.</summary>
public sealed class SurviveOptimumTests
{
    private static SurviveResult Published() =>
        Survive.Run(
            ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", "three-sources-shared-capacity.yaml")).Scenario!,
            new SurviveOptions(Days: 1, Method: StressMethod.Lp));

    [Test]
    public void The_published_single_tier_case_gives_the_published_time_to_survive_beside_the_simulated_one()
    {
        // Simchi-Levi et al.: S1/S2/S3 capacity 30/45/60 an hour shared by P1 and P2, demand 75/50, line stock 20/25,
        // no finished goods and nothing on the road (sequence lanes with no lead). Everything can be made anywhere, so
        // only the totals bind: TTS = 45 / (125 - capacity left) = 45 / 20, 45 / 35, 45 / 50.
        // Each is down for 72 h (no recovery_hours), of which 48 h lie within the horizon: 125 x 48 = 6,000 jobs are
        // planned, 45 + capacity left x 48 can be built: 6,000 - 45 - 105 x 48 = 915, - 90 x 48 = 1,635, - 75 x 48 = 2,355.
        var byId = Published().Nodes.ToDictionary(n => n.Target.Id);
        (string Id, double Tts, double Lost)[] expected = [("S1", 2.25, 915), ("S2", 45.0 / 35, 1635), ("S3", 0.9, 2355)];
        Assert.Multiple(() =>
        {
            foreach (var (id, tts, lost) in expected)
            {
                Assert.That(byId[id].Optimum!.TimeToSurviveHours, Is.EqualTo(tts).Within(1e-6), id);
                Assert.That(Math.Round(byId[id].Optimum!.TimeToSurviveHours!.Value, 3), Is.EqualTo(Math.Round(tts, 3)), id);
                Assert.That(byId[id].Optimum!.LostUnits, Is.EqualTo(lost).Within(1e-6), id);
                Assert.That(byId[id].Optimum!.RiskExposureIndex, Is.EqualTo(lost / 2355).Within(1e-9), id);

                // The simulated siblings take over by their shares only, so the lines halt before the LP's bound.
                Assert.That(byId[id].HoursToHalt, Is.LessThan(tts), id);
                Assert.That(byId[id].NeedsMitigation, Is.True, id);
            }
        });
    }

    [Test]
    public void The_csv_the_console_and_the_notification_carry_the_lp_figure()
    {
        var result = Published();
        using var writer = new StringWriter();
        SurviveCsv.Write(writer, result);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var s1 = lines.Single(l => l.Contains(",S1,", StringComparison.Ordinal)).Split(',');
        var console = SurviveTable.Build(result, 10);
        var s1Row = console.Rows.Single(r => r[1] == "S1");
        var notification = SurvivePayloads.Notifications(result).Single(n => n.FileName == "supplier-S1.json").Json;

        Assert.Multiple(() =>
        {
            Assert.That(header, Is.EqualTo(SurviveCsv.Columns.Concat(CriticalityCsv.OptimumColumns)));
            Assert.That(double.Parse(s1[Array.IndexOf(header, "lp_time_to_survive_h")], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(2.25).Within(1e-6));
            Assert.That(double.Parse(s1[Array.IndexOf(header, "lp_lost_units")], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(915).Within(1e-6));
            Assert.That(console.Columns, Does.Contain("LP (h)"));
            Assert.That(s1Row[console.Columns.ToList().IndexOf("LP (h)")], Is.EqualTo("2.25"));
            Assert.That(s1Row[console.Columns.ToList().IndexOf("LP lost")], Is.EqualTo("915"));
            Assert.That(notification, Does.Contain("the lines keep up for 2.25 h and lose at least 915 vehicles"));
        });
    }

    [Test]
    public void Without_the_lp_method_survive_csv_keeps_its_columns_and_nodes_carry_no_optimum()
    {
        var result = SurviveTests.Run();
        using var writer = new StringWriter();
        SurviveCsv.Write(writer, result);

        Assert.Multiple(() =>
        {
            Assert.That(result.Nodes.All(n => n.Optimum is null));
            Assert.That(writer.ToString().Split('\n')[0].TrimEnd('\r').Split(','), Is.EqualTo(SurviveCsv.Columns));
        });
    }

    [Test]
    public void The_lp_starts_from_the_goods_in_transit_of_the_state_not_the_assumed_pipeline()
    {
        // SurviveTests' network with 60 seats on the road (arriving at hour 2) instead of 120. The assumed pipeline of
        // the sequence lane (2 h lead x 60 jobs = 120) is replaced by the state's 60: T1 down, 240 + 60 seats last
        // 5 h, in the LP as in the simulation. WMS down: goods receipt stops, only the 240 at the line count: 4 h.
        var scenario = SurviveTests.Network();
        scenario = scenario with { State = new StateSpec([new InTransitSpec("T1-L1", 60, 2)], [], []) };
        var byId = Survive.Run(scenario, new SurviveOptions(Days: 1, Method: StressMethod.Lp)).Nodes.ToDictionary(n => n.Target.Id);

        Assert.Multiple(() =>
        {
            Assert.That(byId["T1"].Optimum!.TimeToSurviveHours, Is.EqualTo(5).Within(1e-6));
            Assert.That(byId["T1"].HoursToHalt, Is.EqualTo(5).Within(1e-9));
            Assert.That(byId["WMS"].Optimum!.TimeToSurviveHours, Is.EqualTo(4).Within(1e-6));
        });
    }

    [Test]
    public void With_a_later_as_of_time_the_lp_starts_from_the_state_the_simulation_reaches_then()
    {
        // SurviveTests' network as of hour 3: the 120 seats of the state have arrived at hour 2, and the sequence
        // call-offs of hours 0-3 (60 an hour) have been made and shipped every quarter hour, one hour on the road:
        // about 301 seats at the line (240 + 120 + 121 arrived - 180 built) and 45 on the road. T1 down: the 346 last
        // about 5.77 h. WMS down (goods receipt): only the 301 at the line, about 5.02 h. From the opening state the LP
        // would say 6 h and 4 h.
        var scenario = SurviveTests.Network();
        var byId = Survive.Run(scenario, new SurviveOptions(AsOf: scenario.Start.AddHours(3), Days: 1, Method: StressMethod.Lp)).Nodes.ToDictionary(n => n.Target.Id);

        Assert.Multiple(() =>
        {
            Assert.That(byId["T1"].Optimum!.TimeToSurviveHours, Is.InRange(5.7, 5.8));
            Assert.That(byId["T1"].Optimum!.TimeToSurviveHours, Is.EqualTo(byId["T1"].HoursToHalt).Within(1e-6));
            Assert.That(byId["WMS"].Optimum!.TimeToSurviveHours, Is.InRange(4.95, 5.05));
            Assert.That(byId["WMS"].Optimum!.TimeToSurviveHours, Is.EqualTo(byId["WMS"].HoursToHalt).Within(1e-6));
        });
    }
}
