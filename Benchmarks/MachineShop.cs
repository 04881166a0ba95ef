using Simulator.Engine;

namespace Benchmarks;

/// <summary>
/// The SimPy machine-shop example, in minutes: machines make parts, break down at random, and wait for the one
/// repairman, whose repairs preempt his low-priority side job.
/// </summary>
internal sealed class MachineShop
{
    private const double MeanProcessingMinutes = 10.0;
    private const double ProcessingSigmaMinutes = 2.0;
    private const double MeanTimeToFailureMinutes = 300.0;
    private const double RepairMinutes = 30.0;
    private const double SideJobMinutes = 30.0;

    private readonly SimEnvironment _env = new();
    private readonly PreemptiveResource _repairman;
    private readonly RandomStreams _streams;

    public MachineShop(ulong seed, int machines)
    {
        _streams = new RandomStreams(seed);
        _repairman = new PreemptiveResource(_env, 1, "repairman");
        for (var i = 0; i < machines; i++)
        {
            var machine = new Machine(this, _streams.For($"machine-{i}"));
            machine.Process = _env.Process(machine.Work(), $"machine-{i}");
            _env.Process(machine.BreakDown());
        }

        _env.Process(SideJobs());
    }

    public long Parts { get; private set; }

    public long Breakdowns { get; private set; }

    public long ProcessedEvents => _env.ProcessedEvents;

    public void Run(double minutes) => _env.Run(minutes);

    private IEnumerable<Event> SideJobs()
    {
        while (true)
        {
            var remaining = SideJobMinutes;
            while (remaining > 0.0)
            {
                var request = _repairman.Request(priority: 2, preempt: false);
                yield return request;
                var started = _env.Now;
                yield return _env.Delay(remaining);
                var self = _env.ActiveProcess!;
                if (self.IsInterrupted)
                {
                    self.HandleInterrupt();
                    remaining -= _env.Now - started;
                }
                else
                {
                    remaining = 0.0;
                }

                _repairman.Release(request);
            }
        }
    }

    private sealed class Machine(MachineShop shop, RandomStream random)
    {
        private bool _broken;

        public SimProcess Process { get; set; } = null!;

        public IEnumerable<Event> Work()
        {
            var env = shop._env;
            while (true)
            {
                var remaining = random.Normal(MeanProcessingMinutes, ProcessingSigmaMinutes);
                if (remaining < 0.0)
                {
                    continue;
                }

                while (remaining > 0.0)
                {
                    var started = env.Now;
                    yield return env.Delay(remaining);
                    if (!Process.IsInterrupted)
                    {
                        remaining = 0.0;
                        continue;
                    }

                    Process.HandleInterrupt();
                    remaining -= env.Now - started;
                    _broken = true;
                    var request = shop._repairman.Request(priority: 1, preempt: true);
                    yield return request;
                    yield return env.Delay(RepairMinutes);
                    shop._repairman.Release(request);
                    _broken = false;
                }

                shop.Parts++;
            }
        }

        public IEnumerable<Event> BreakDown()
        {
            var env = shop._env;
            while (true)
            {
                yield return env.Delay(random.Exponential(MeanTimeToFailureMinutes));
                if (!_broken)
                {
                    shop.Breakdowns++;
                    Process.Interrupt();
                }
            }
        }
    }
}
