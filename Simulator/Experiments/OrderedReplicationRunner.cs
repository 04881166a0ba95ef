using System.Runtime.ExceptionServices;
using Simulator.Model;

namespace Simulator.Experiments;

/// <summary>
/// Runs replications on several threads and hands them to a sink in job order, so that what is written never depends
/// on the thread count or on which replication finishes first.
/// </summary>
/// <remarks>
/// Job j is replication j / P of policy j % P (P policies), so every policy sees the same replications and a stop
/// after replication r leaves all policies with r + 1. Workers take jobs in order but never more than a window ahead
/// of the last job handed to the sink: finished results wait in a reorder buffer of at most that many entries, which
/// bounds memory however many replications run. Whoever completes the next job in line drains the buffer into the
/// sink; calls to the sink therefore come one at a time, outside the lock that guards the buffer.
/// </remarks>
internal sealed class OrderedReplicationRunner
{
    private readonly IReadOnlyList<Network> _networks;
    private readonly IReadOnlyList<string> _policies;
    private readonly ExperimentOptions _options;
    private readonly Action<ReplicationResult> _emit;
    private readonly Func<int, bool> _stopAfter;
    private readonly int _window;
    private readonly object _gate = new();
    private readonly Dictionary<int, ReplicationResult> _ready = [];
    private int _nextJob;
    private int _nextEmit;
    private int _jobLimit;
    private bool _draining;
    private bool _failed;

    /// <param name="networks">One network per policy.</param>
    /// <param name="policies">Policy ids, as many as networks.</param>
    /// <param name="options">Replication count, cap, seed and parallelism.</param>
    /// <param name="emit">Receives every result in job order, one call at a time.</param>
    /// <param name="stopAfter">
    /// Asked, in order, once replication r has been emitted for every policy (and r + 1 is at least the pilot count):
    /// true stops the experiment there.
    /// </param>
    public OrderedReplicationRunner(
        IReadOnlyList<Network> networks,
        IReadOnlyList<string> policies,
        ExperimentOptions options,
        Action<ReplicationResult> emit,
        Func<int, bool> stopAfter)
    {
        _networks = networks;
        _policies = policies;
        _options = options;
        _emit = emit;
        _stopAfter = stopAfter;
        Parallelism = options.Parallelism ?? System.Environment.ProcessorCount;
        _window = Math.Max(4 * Parallelism, policies.Count);
        _jobLimit = checked(options.ReplicationCap * policies.Count);
    }

    public int Parallelism { get; }

    /// <summary>Replications per policy that were emitted.</summary>
    public int CompletedReplications => _nextEmit / _policies.Count;

    public void Run(CancellationToken cancellationToken)
    {
        if (Parallelism == 1)
        {
            // One worker on the calling thread: no pool threads, and a stack trace that reads like the model.
            Work(cancellationToken);
            return;
        }

        var workers = Enumerable.Range(0, Parallelism)
            .Select(_ => Task.Factory.StartNew(() => Work(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException error)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The first real failure, not the cancellations it caused in other workers.
            var first = error.Flatten().InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException) ?? error.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private void Work(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                int job;
                lock (_gate)
                {
                    while (!_failed && _nextJob < _jobLimit && _nextJob >= _nextEmit + _window)
                    {
                        // Wake now and then to notice cancellation while the window is full.
                        Monitor.Wait(_gate, 200);
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (_failed || _nextJob >= _jobLimit)
                    {
                        return;
                    }

                    job = _nextJob++;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var policy = job % _policies.Count;
                var replication = job / _policies.Count;
                var result = Experiment.RunReplication(
                    _networks[policy],
                    _policies[policy],
                    replication,
                    Experiment.ReplicationSeed(_options.Seed, replication),
                    keepPartSeries: replication == 0 || _options.AllTimeSeries,
                    everyPart: _options.EveryPart);
                Deliver(job, result);
            }
        }
        catch
        {
            lock (_gate)
            {
                _failed = true;
                Monitor.PulseAll(_gate);
            }

            throw;
        }
    }

    private void Deliver(int job, ReplicationResult result)
    {
        lock (_gate)
        {
            if (job >= _jobLimit || _failed)
            {
                // Run ahead of a stop decided meanwhile: never emitted, so the output does not depend on timing.
                return;
            }

            _ready.Add(job, result);
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        try
        {
            while (true)
            {
                ReplicationResult next;
                int index;
                lock (_gate)
                {
                    index = _nextEmit;
                    if (index >= _jobLimit || !_ready.Remove(index, out next!))
                    {
                        _draining = false;
                        Monitor.PulseAll(_gate);
                        return;
                    }
                }

                _emit(next);
                var replicationDone = (index + 1) % _policies.Count == 0;
                var replication = index / _policies.Count;
                var stop = replicationDone && replication + 1 >= _options.PilotReplications && _stopAfter(replication);
                lock (_gate)
                {
                    _nextEmit = index + 1;
                    if (stop)
                    {
                        _jobLimit = Math.Min(_jobLimit, _nextEmit);
                        _ready.Clear();
                    }

                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch
        {
            lock (_gate)
            {
                _draining = false;
            }

            throw;
        }
    }
}
