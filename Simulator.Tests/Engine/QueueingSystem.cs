using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>A G/G/c queue on the kernel: Poisson arrivals, a given service sampler, FIFO servers.</summary>
internal sealed class QueueingSystem
{
    private readonly SimEnvironment _env;
    private readonly Resource _servers;
    private readonly RandomStream _arrivals;
    private readonly Func<double> _serviceHours;
    private readonly double _arrivalRatePerHour;
    private readonly int _customers;
    private readonly int _warmUp;

    public QueueingSystem(SimEnvironment env, int servers, double arrivalRatePerHour, Func<double> serviceHours, RandomStream arrivals, int customers, int warmUp)
    {
        _env = env;
        _servers = new Resource(env, servers, "servers");
        _arrivals = arrivals;
        _serviceHours = serviceHours;
        _arrivalRatePerHour = arrivalRatePerHour;
        _customers = customers;
        _warmUp = warmUp;
        WaitsHours = new double[customers - warmUp];
        InSystem = new LevelMonitor(env);
    }

    /// <summary>Waits in queue of the customers after the warm-up, in arrival order.</summary>
    public double[] WaitsHours { get; }

    public Tally SojournHours { get; } = new();

    public LevelMonitor InSystem { get; }

    public double MeasuredFromHours { get; private set; }

    public void Run()
    {
        _env.Process(Arrivals(), "arrivals");
        _env.Run();
    }

    private IEnumerable<Event> Arrivals()
    {
        for (var i = 0; i < _customers; i++)
        {
            yield return _env.Delay(_arrivals.Exponential(1.0 / _arrivalRatePerHour));
            if (i == _warmUp)
            {
                InSystem.Reset();
                MeasuredFromHours = _env.Now;
            }

            _env.Process(Customer(i));
        }
    }

    private IEnumerable<Event> Customer(int index)
    {
        var arrival = _env.Now;
        InSystem.Add(1);
        var request = _servers.Request();
        yield return request;
        if (index >= _warmUp)
        {
            WaitsHours[index - _warmUp] = _env.Now - arrival;
        }

        yield return _env.Delay(_serviceHours());
        _servers.Release(request);
        InSystem.Add(-1);
        if (index >= _warmUp)
        {
            SojournHours.Add(_env.Now - arrival);
        }
    }
}
