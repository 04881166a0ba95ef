using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary>
/// Time zones per site: shifts are read on the site's own wall clock (IANA zone, summer time included), the run counts
/// hours from the start instant, and results show a site's instants in its own offset.
/// </summary>
public sealed class TimeZoneTests
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private static Calendar Berlin(TimeOnly start, TimeOnly end, DateTimeOffset origin) =>
        Calendar.Build(new CalendarSpec("c", [new ShiftSpec(EveryDay, start, end)], []), origin, 96, SiteClock.Resolve("Europe/Berlin"));

    [Test]
    public void Iana_zones_resolve_under_invariant_globalization()
    {
        // Directory.Build.props sets InvariantGlobalization; zone rules come from the tzdata files, not from ICU.
        var zone = SiteClock.Resolve("Europe/Bratislava");

        Assert.That(zone.GetUtcOffset(new DateTime(2025, 7, 1, 12, 0, 0, DateTimeKind.Utc)), Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(zone.GetUtcOffset(new DateTime(2025, 12, 1, 12, 0, 0, DateTimeKind.Utc)), Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void A_Berlin_day_shift_keeps_its_local_hours_across_the_end_of_summer_time()
    {
        // Hour 0 = Saturday 25 October 2025 00:00 UTC; the clocks go back on Sunday 26 October at 03:00 CEST.
        // Saturday 06:00-14:00 CEST = 04:00-12:00 UTC; Sunday and Monday 06:00-14:00 CET = 05:00-13:00 UTC.
        var calendar = Berlin(new TimeOnly(6, 0), new TimeOnly(14, 0), new DateTimeOffset(2025, 10, 25, 0, 0, 0, TimeSpan.Zero));

        Assert.That(calendar.NextOpen(0), Is.EqualTo(4));
        Assert.That(calendar.NextClose(4), Is.EqualTo(12));
        Assert.That(calendar.NextOpen(12), Is.EqualTo(24 + 5));
        Assert.That(calendar.NextClose(29), Is.EqualTo(24 + 13));
        Assert.That(calendar.NextOpen(37), Is.EqualTo(48 + 5));
        Assert.That(calendar.OpenHoursBetween(0, 72), Is.EqualTo(24));
    }

    [Test]
    public void A_Berlin_night_shift_lasts_nine_hours_the_night_the_clocks_go_back_and_seven_when_they_go_forward()
    {
        // 22:00-06:00 from Saturday 25 October 2025: 20:00 UTC (CEST) to 05:00 UTC (CET).
        var autumn = Berlin(new TimeOnly(22, 0), new TimeOnly(6, 0), new DateTimeOffset(2025, 10, 25, 0, 0, 0, TimeSpan.Zero));
        Assert.That((autumn.NextOpen(12), autumn.NextClose(20)), Is.EqualTo((20.0, 29.0)));

        // 22:00-06:00 from Saturday 29 March 2025: 21:00 UTC (CET) to 04:00 UTC (CEST).
        var spring = Berlin(new TimeOnly(22, 0), new TimeOnly(6, 0), new DateTimeOffset(2025, 3, 29, 0, 0, 0, TimeSpan.Zero));
        Assert.That((spring.NextOpen(12), spring.NextClose(21)), Is.EqualTo((21.0, 28.0)));
    }

    [Test]
    public void A_shift_starting_in_the_skipped_hour_starts_when_the_clocks_have_gone_forward()
    {
        // Sunday 30 March 2025, Berlin: 02:00 CET jumps to 03:00 CEST. 02:30 does not exist and is read as 03:30 CEST
        // (01:30 UTC); 10:00 CEST is 08:00 UTC.
        var calendar = Calendar.Build(
            new CalendarSpec("c", [new ShiftSpec([DayOfWeek.Sunday], new TimeOnly(2, 30), new TimeOnly(10, 0))], []),
            new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero),
            48,
            SiteClock.Resolve("Europe/Berlin"));

        Assert.That((calendar.NextOpen(0), calendar.NextClose(1.5)), Is.EqualTo((1.5, 8.0)));
    }

    [Test]
    public void Without_a_zone_the_calendar_reads_the_start_offset_as_before()
    {
        var origin = new DateTimeOffset(2025, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));
        var spec = new CalendarSpec("c", [new ShiftSpec(EveryDay, new TimeOnly(6, 0), new TimeOnly(14, 0))], []);
        var calendar = Calendar.Build(spec, origin, 96);

        // A fixed +02:00 offset knows no summer time: 06:00 every day, 24 h apart.
        Assert.That((calendar.NextOpen(0), calendar.NextOpen(14), calendar.NextOpen(38)), Is.EqualTo((6.0, 30.0, 54.0)));
    }

    /// <summary>Two plants with the same local day shift, 06:00-14:00: one in Bratislava, one at UTC.</summary>
    private static ScenarioSpec TwoPlants()
    {
        var scenario = new ScenarioBuilder()
            .Start(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero))
            .Horizon(24)
            .Calendar("day", EveryDay, new TimeOnly(6, 0), new TimeOnly(14, 0))
            .Part("P")
            .Line("BA-L", "BA", 60, [("P", 10_000)], calendar: "day")
            .Line("UK-L", "UK", 60, [("P", 10_000)], calendar: "day")
            .Supplier("S", 1, "P", capacityPerHour: 1000)
            .Lane("S-BA", "S", "BA-L", "P", Kanban(100, 100))
            .Lane("S-UK", "S", "UK-L", "P", Kanban(100, 100))
            .Build();
        return scenario with { Plants = [scenario.Plants[0] with { TimeZoneId = "Europe/Bratislava" }, scenario.Plants[1]] };
    }

    [Test]
    public void A_Bratislava_plant_and_a_UTC_plant_with_the_same_local_shifts_produce_at_different_UTC_hours()
    {
        var run = Simulation.Run(Network.Build(TwoPlants()), 1, new RunOptions(RecordPartSeries: false, WithDisruptions: false));
        double State(string line, double hour) => run.Samples.Single(s => s.Entity == line && s.Metric == SampleMetrics.State && s.TimeHours == hour).Value;
        double Produced(string line, double hour) => run.Samples.Single(s => s.Entity == line && s.Metric == SampleMetrics.ProducedUnits && s.TimeHours == hour).Value;

        // Bratislava in September is UTC+2: 06:00-14:00 local is 04:00-12:00 UTC. The UTC plant works 06:00-14:00 UTC.
        Assert.That((State("BA-L", 5), State("UK-L", 5)), Is.EqualTo((LineStateCode.Running, LineStateCode.Closed)));
        Assert.That((State("BA-L", 13), State("UK-L", 13)), Is.EqualTo((LineStateCode.Closed, LineStateCode.Running)));
        Assert.That((Produced("BA-L", 5) > 0, Produced("UK-L", 6)), Is.EqualTo((true, 0.0)));
        Assert.That((Produced("BA-L", 24), Produced("UK-L", 24)), Is.EqualTo((480.0, 480.0)));
    }

    [Test]
    public void Events_and_samples_carry_each_sites_local_offset_beside_the_scenario_timestamp()
    {
        var scenario = TwoPlants() with
        {
            Disruptions = [new DisruptionSpec("stop", ["BA"], 8, DistributionSpec.Fixed(2), RecoverySpec.Default, DisruptionKind.PlannedStop)],
        };
        var result = Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 1);
        var events = new StringWriter();
        var series = new StringWriter();
        ResultsCsv.WriteEvents(events, [result], scenario.Start);
        ResultsCsv.WriteTimeseries(series, [result], scenario.Start);
        var eventLines = events.ToString().Split('\n');
        var seriesLines = series.ToString().Split('\n');

        Assert.That(eventLines, Does.Contain("as-written,0,8,2025-09-01T08:00:00+00:00,BA-L,halt,planned:stop (planned stop),2025-09-01T10:00:00+02:00"));
        Assert.That(eventLines, Does.Contain("as-written,0,8,2025-09-01T08:00:00+00:00,stop,planned_stop_start,BA stopped by plan for 2 h,2025-09-01T08:00:00+00:00"));
        Assert.That(seriesLines, Does.Contain("as-written,0,5,2025-09-01T05:00:00+00:00,line,BA-L,,state,1,running,2025-09-01T07:00:00+02:00"));
        Assert.That(seriesLines, Does.Contain("as-written,0,5,2025-09-01T05:00:00+00:00,line,UK-L,,state,0,closed,2025-09-01T05:00:00+00:00"));
    }

    [Test]
    public void A_scenario_zone_moves_every_site_without_its_own_and_the_local_offset_follows_summer_time()
    {
        // time_zone: Europe/Berlin for the whole scenario; the run starts Saturday 25 October 2025 00:00 CEST.
        var yaml = """
            start: 2025-10-25T00:00:00+02:00
            time_zone: Europe/Berlin
            horizon_hours: 72
            calendars:
              - { id: day, shifts: [ { days: [mon, tue, wed, thu, fri, sat, sun], start: "06:00", end: "14:00" } ] }
            parts: [ { id: P } ]
            plants:
              - id: PL
                lines: [ { id: L, rate_per_hour: 10, calendar: day, bom: [ { part: P, quantity: 1 } ], stock: [ { part: P, initial: 1000 } ] } ]
            suppliers:
              - { id: S, tier: 1, products: [ { part: P, capacity_per_hour: 100 } ] }
            lanes:
              - { id: S-L, from: S, to: L, part: P, transit_hours: 1, trigger: { kind: kanban, reorder_point: 100, quantity: 100 } }
            disruptions:
              - { id: stop, kind: planned_stop, targets: [L], start: 2025-10-26T07:00:00+01:00, end: 2025-10-26T08:00:00+01:00 }
            """;
        var load = ScenarioLoader.Parse(yaml, "berlin.yaml");
        Assert.That(load.Problems, Is.Empty, () => string.Join("\n", load.Problems));
        var result = Experiment.RunReplication(Network.Build(load.Scenario!), "as-written", 0, 1);
        var events = new StringWriter();
        ResultsCsv.WriteEvents(events, [result], load.Scenario!.Start);

        // Hour 0 is Friday 22:00 UTC. Sunday 06:00 CET (05:00 UTC) is hour 31, the stop at 07:00 CET hour 32; a fixed
        // +02:00 clock would have opened the line at hour 32 and written the halt as 08:00.
        Assert.That(result.Disrupted.Lines.Single().FirstHaltHours, Is.EqualTo(32));
        Assert.That(events.ToString().Split('\n'), Does.Contain("as-written,0,32,2025-10-26T08:00:00+02:00,L,halt,planned:stop (planned stop),2025-10-26T07:00:00+01:00"));
        var state = result.Disrupted.Samples.Where(s => s.Entity == "L" && s.Metric == SampleMetrics.State).ToDictionary(s => s.TimeHours, s => s.Value);
        Assert.That((state[30], state[31]), Is.EqualTo((LineStateCode.Closed, LineStateCode.Running)));
        Assert.That(state[8], Is.EqualTo(LineStateCode.Running), "Saturday 06:00 CEST is hour 6");
    }
}
