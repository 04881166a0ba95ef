using Simulator.Metrics;
using Simulator.Model;
using Simulator.Output;

namespace Simulator.Tests.Output;

public sealed class ResultsCsvTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public void Summary_has_the_contract_header_and_empty_fields_for_censored_metrics()
    {
        var writer = new StringWriter();
        var censored = new LineMetrics("base", 0, 42, "SOL", "SOL-A1", null, 0, null, null, 0, 960, 960, CauseChain.None, 960);
        var halted = new LineMetrics("base", 1, 43, "SOL", "SOL-A1", 6.5, 12.25, 0, 8, 735, 960, 225, HaltCause.Parse(SyntheticResults.SeatCause), 960, 20.5);
        ResultsCsv.WriteSummary(writer, [censored, halted]);
        var lines = Lines(writer.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("policy,replication,seed,plant,line,time_to_halt_h,downtime_h,time_to_restart_h,time_to_recover_h,lost_units,planned_units,produced_units,halt_cause,baseline_units,stop_length_h"));
            Assert.That(lines[1], Is.EqualTo("base,0,42,SOL,SOL-A1,,0,,,0,960,960,,960,"));
            Assert.That(lines[2], Is.EqualTo("base,1,43,SOL,SOL-A1,6.5,12.25,0,8,735,960,225," + SyntheticResults.SeatCause + ",960,20.5"));
            Assert.That(writer.ToString(), Does.Not.Contain("\r"));
        });
    }

    [Test]
    public void Statistics_have_the_contract_header_and_NaN_as_empty()
    {
        var writer = new StringWriter();
        ResultsCsv.WriteStatistics(writer, [new StatisticsRow("base", "SOL", "SOL-A1", "time_to_halt_h", 1, 6.5, double.NaN, double.NaN, double.NaN, 6.5, 6.5, 6.5, 3)]);
        var lines = Lines(writer.ToString());
        Assert.That(lines, Is.EqualTo(new[]
        {
            "policy,plant,line,metric,n,mean,std,ci95_low,ci95_high,p05,p50,p95,censored",
            "base,SOL,SOL-A1,time_to_halt_h,1,6.5,,,,6.5,6.5,6.5,3",
        }));
    }

    [Test]
    public void Time_series_is_tidy_with_an_ISO_timestamp_in_the_scenario_offset()
    {
        var run = SyntheticResults.Replication("base", 0, 1);
        var writer = new StringWriter();
        ResultsCsv.WriteTimeseries(writer, [run], SyntheticResults.Start);
        var lines = Lines(writer.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("policy,replication,time_h,timestamp,kind,entity,part,metric,value,state,local_timestamp"));
            Assert.That(lines[1], Is.EqualTo("base,0,0,2025-09-01T06:00:00+01:00,line,SOL-A1,,state,1,running,2025-09-01T06:00:00+01:00"));
            Assert.That(lines, Has.Length.EqualTo(run.Disrupted.Samples.Count + 1));
            Assert.That(lines, Has.Some.StartsWith("base,0,10,2025-09-01T16:00:00+01:00,"));
            Assert.That(lines, Has.Some.StartsWith("base,0,0.5,2025-09-01T06:30:00+01:00,"));
        });
    }

    [Test]
    public void Events_carry_the_disruption_window_and_halt_cause()
    {
        var writer = new StringWriter();
        ResultsCsv.WriteEvents(writer, [SyntheticResults.Replication("base", 0, 1)], SyntheticResults.Start);
        var lines = Lines(writer.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("policy,replication,time_h,timestamp,entity,event,detail,local_timestamp"));
            Assert.That(lines, Does.Contain("base,0,24,2025-09-02T06:00:00+01:00,cyber-edi,disruption_start,it:OEM-EDI it:CAS-MES,2025-09-02T06:00:00+01:00"));
            Assert.That(lines, Has.Some.Contains(",SOL-A1,halt," + SyntheticResults.SeatCause));
        });
    }

    [TestCase(0.1 + 0.2, "0.30000000000000004")]
    [TestCase(1234567.5, "1234567.5")]
    [TestCase(-0.25, "-0.25")]
    [TestCase(1e-7, "1E-07")]
    [TestCase(double.NaN, "")]
    [TestCase(double.PositiveInfinity, "")]
    public void Numbers_are_invariant_round_trip_text(double value, string expected)
    {
        var text = Invariant.Number(value);
        Assert.That(text, Is.EqualTo(expected));
        if (text.Length > 0)
        {
            Assert.That(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(value));
        }
    }

    [Test]
    public void Null_is_an_empty_field() => Assert.That(Invariant.Number(null), Is.Empty);

    [TestCase(0, "2025-09-01T06:00:00+01:00")]
    [TestCase(10, "2025-09-01T16:00:00+01:00")]
    [TestCase(0.25, "2025-09-01T06:15:00+01:00")]
    [TestCase(30.5, "2025-09-02T12:30:00+01:00")]
    public void Timestamps_are_ISO_8601_wall_clock_of_the_scenario(double hours, string expected) =>
        Assert.That(Invariant.Timestamp(SyntheticResults.Start, hours), Is.EqualTo(expected));

    [Test]
    public void Text_with_commas_or_quotes_is_quoted()
    {
        var writer = new StringWriter();
        var run = new LineMetrics("a,b", 0, 1, "P", "L", 1, 0, 0, 0, 0, 0, 0, CauseChain.Of(CauseLink.Part("X \"odd\"")), 0);
        ResultsCsv.WriteSummary(writer, [run]);
        Assert.That(Lines(writer.ToString())[1], Does.StartWith("\"a,b\",").And.EndWith(",\"part:X \"\"odd\"\"\",0,"));
    }

    [Test]
    public void Same_results_give_the_same_bytes()
    {
        string Write()
        {
            var writer = new StringWriter();
            ResultsCsv.WriteTimeseries(writer, [SyntheticResults.Replication("base", 2, 9)], SyntheticResults.Start);
            return writer.ToString();
        }

        var first = Write();
        Assert.That(Write(), Is.EqualTo(first));
    }

    [Test]
    public void Sample_records_keep_their_unit_metric_names()
    {
        var trace = new RunTrace([], [], [], [new Sample(1, "SOL-A1/SEAT", "cover_h", 3.75, new StockSeriesKey(StockHolder.Line, "SOL-A1", "SEAT"))], 0, 0);
        Assert.That(TimeseriesLines(trace)[1], Is.EqualTo("base,0,1,2025-09-01T07:00:00+01:00,line,SOL-A1,SEAT,cover_h,3.75,,2025-09-01T07:00:00+01:00"));
    }

    [Test]
    public void A_stock_is_split_into_kind_entity_and_part_and_a_supplier_stock_is_of_kind_supplier()
    {
        Sample[] samples =
        [
            new(2, "L1", "produced_units", 120),
            new(2, "L1/BOLT-M8", "stock_units", 40, new StockSeriesKey(StockHolder.Line, "L1", "BOLT-M8")),
            new(2, "T2-STEEL/COIL", "stock_units", 7, new StockSeriesKey(StockHolder.Supplier, "T2-STEEL", "COIL")),
        ];
        var lines = TimeseriesLines(new RunTrace([], [], [], samples, 0, 0));
        Assert.That(lines[1..], Is.EqualTo(new[]
        {
            "base,0,2,2025-09-01T08:00:00+01:00,line,L1,,produced_units,120,,2025-09-01T08:00:00+01:00",
            "base,0,2,2025-09-01T08:00:00+01:00,line,L1,BOLT-M8,stock_units,40,,2025-09-01T08:00:00+01:00",
            "base,0,2,2025-09-01T08:00:00+01:00,supplier,T2-STEEL,COIL,stock_units,7,,2025-09-01T08:00:00+01:00",
        }));
    }

    [TestCase(0, "closed")]
    [TestCase(1, "running")]
    [TestCase(2, "reduced")]
    [TestCase(3, "halted")]
    [TestCase(4, "planned_stop")]
    public void A_line_state_is_written_with_its_name_beside_its_code(double code, string name)
    {
        var lines = TimeseriesLines(new RunTrace([], [], [], [new Sample(0, "L1", "state", code)], 0, 0));
        Assert.That(lines[1], Is.EqualTo($"base,0,0,2025-09-01T06:00:00+01:00,line,L1,,state,{code},{name},2025-09-01T06:00:00+01:00"));
    }

    [Test]
    public void A_state_value_that_is_no_state_code_is_refused() =>
        Assert.That(() => LineStateCode.Name(1.5), Throws.TypeOf<ArgumentOutOfRangeException>());

    // 904.0000000000002 is what 0.1-sized fluid steps add up to; a millionth of a piece is far below what anyone counts.
    [TestCase(904.0000000000002, "904")]
    [TestCase(0.1 + 0.2, "0.3")]
    [TestCase(12.3456784, "12.345678")]
    [TestCase(12.3456786, "12.345679")]
    [TestCase(-1e-12, "0")]
    [TestCase(2.0 / 3.0, "0.666667")]
    public void Stock_values_are_rounded_to_six_decimals_so_float_noise_does_not_show(double value, string expected)
    {
        var lines = TimeseriesLines(new RunTrace([], [], [], [new Sample(0, "L1/P", "stock_units", value, new StockSeriesKey(StockHolder.Line, "L1", "P"))], 0, 0));
        Assert.That(lines[1].Split(',')[8], Is.EqualTo(expected));
    }

    private static string[] TimeseriesLines(RunTrace trace)
    {
        var writer = new StringWriter();
        var run = new Simulator.Experiments.ReplicationResult("base", 0, 1, [], trace, trace);
        ResultsCsv.WriteTimeseries(writer, [run], SyntheticResults.Start);
        return Lines(writer.ToString());
    }
}
