using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary><see cref="RunOptions.Disruptions"/> replaces the scenario's disruptions for one run.</summary>
public sealed class RunOptionsDisruptionsTests
{
    private static Network EdiLine() => Network.Build(new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 240)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
        .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"])
        .Disruption("edi", ["EDI"], startHours: 10, durationHours: 20)
        .Build());

    [Test]
    public void Given_disruptions_run_instead_of_the_scenarios_own()
    {
        // The EDI fails at hour 5 instead of the scenario's hour 10: 240 seats at the line (4 h) and 2 h of call-offs
        // already out last 6 h, so the line halts at 11, not 16, and only the given window is recorded.
        var network = EdiLine();
        var outage = new DisruptionSpec("stress:EDI", ["EDI"], 5, DistributionSpec.Fixed(30), RecoverySpec.Default);

        var trace = Simulation.Run(network, 7, new RunOptions(RecordPartSeries: false, Disruptions: [outage]));

        Assert.Multiple(() =>
        {
            Assert.That(trace.Windows.Select(w => (w.Id, w.StartHours, w.EndHours)), Is.EqualTo(new[] { ("stress:EDI", 5.0, 35.0) }));
            Assert.That(trace.Lines[0].FirstHaltHours, Is.EqualTo(11).Within(1e-9));
        });
    }

    [Test]
    public void An_empty_list_runs_without_disruptions_and_null_keeps_the_scenarios()
    {
        var network = EdiLine();

        var none = Simulation.Run(network, 7, new RunOptions(Disruptions: []));
        var own = Simulation.Run(network, 7, new RunOptions());
        var baseline = Simulation.Run(network, 7, new RunOptions(WithDisruptions: false));

        Assert.Multiple(() =>
        {
            Assert.That(none.Windows, Is.Empty);
            Assert.That(none.Lines[0].ProducedUnits, Is.EqualTo(baseline.Lines[0].ProducedUnits));
            Assert.That(own.Windows.Select(w => w.Id), Is.EqualTo(new[] { "edi" }));
        });
    }
}
