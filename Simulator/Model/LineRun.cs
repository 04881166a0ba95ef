using System.Runtime.InteropServices;
using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// A production line at runtime: builds one job per cycle during open calendar time, consuming its bill of
/// materials from line-side stock; halts when a part is short or its production control is down; restarts by its
/// restart rule and ramps back to full rate.
/// </summary>
internal sealed partial class LineRun : IGateListener
{
    private readonly RunContext _ctx;
    private readonly FeedHeap _runout;
    private readonly FeedHeap _reorder;
    private readonly long _restartJobs;
    private readonly double _valuePerJob;
    private readonly List<LaneRun> _sleepingLanes = [];
    private Event? _wake;
    private bool _waitingForStock;
    private FeedRun? _blocking;
    private double _wakeAt = double.PositiveInfinity;
    private double _haltStart;
    private double _rampStart;
    private double _rampEnd;
    private double _rampHours;
    private int _restartGeneration;
    private double? _fullRateSince = 0;
    private bool _affected;
    private double _anchorTime;
    private long _anchorJobs;
    private double _anchorRate;
    private double _expectedStart;

    public LineRun(RunContext ctx, LinePlan plan, IReadOnlyList<FeedRun> feeds)
    {
        _ctx = ctx;
        Plan = plan;
        Feeds = feeds;
        var plant = plan.Spec.PlantId;
        var line = plan.Spec.Id;
        Production = new GateGroup([ctx.Gate(line, ItFunction.ProductionControl), ctx.Gate(plant, ItFunction.ProductionControl)]);
        OrderTransmission = new GateGroup([ctx.Gate(line, ItFunction.OrderTransmission), ctx.Gate(plant, ItFunction.OrderTransmission)]);
        Logistics = new GateGroup([ctx.Gate(line, ItFunction.Logistics), ctx.Gate(plant, ItFunction.Logistics)]);
        Production.Listen(this);
        _runout = new FeedHeap(f => f.JobsAllowed, feeds.Count);
        _reorder = new FeedHeap(f => f.NextReorderJob, feeds.Count);
        for (var i = 0; i < feeds.Count; i++)
        {
            var feed = feeds[i];
            feed.ServeLine(this, i);
            ctx.Inventory.Open(feed.Plan.InitialUnits * feed.Plan.UnitCost);
            _valuePerJob += feed.Plan.QuantityPerJob * feed.Plan.UnitCost;
        }

        var wanted = (long)Math.Ceiling(plan.Spec.Restart.StockHours * plan.Spec.RatePerHour - 1e-9);
        _restartJobs = Math.Max(1, Math.Min(wanted, feeds.Count == 0 ? 1 : feeds.Min(MaxReachableJobs)));
    }

    public LinePlan Plan { get; }

    public IReadOnlyList<FeedRun> Feeds { get; }

    public GateGroup Production { get; }

    public GateGroup OrderTransmission { get; }

    public GateGroup Logistics { get; }

    public long JobsStarted { get; private set; }

    public long JobsCompleted { get; private set; }

    public bool Halted { get; private set; }

    public double? FirstHalt { get; private set; }

    public CauseChain? FirstHaltCause { get; private set; }

    public double? RestartAfterFirstHalt { get; private set; }

    public double DowntimeHours { get; private set; }

    /// <summary>End of the disruptions as they apply to this line (phased restarts included).</summary>
    public double? DisruptionEnd { get; set; }

    /// <summary>A disruption's ramp-up that replaces a shorter own ramp-up at the next restarts.</summary>
    public double RampOverride { get; set; }

    public double StateCode(double now)
    {
        if (!Plan.Calendar.IsOpen(now))
        {
            return LineStateCode.Closed;
        }

        if (Halted)
        {
            return Production.StoppedByPlan ? LineStateCode.PlannedStop : LineStateCode.Halted;
        }

        if (DemandIdle(now))
        {
            return LineStateCode.PlannedStop;
        }

        return Production.Factor < 1 || now < _rampEnd ? LineStateCode.Reduced : LineStateCode.Running;
    }

    public void Start()
    {
        foreach (var feed in Feeds)
        {
            _runout.Add(feed);
            if (feed.Plan.Trigger == TriggerKind.Kanban)
            {
                _reorder.Add(feed);
            }
        }
    }

    public IEnumerable<Event> Building()
    {
        var env = _ctx.Env;
        var rate = Plan.Spec.RatePerHour;
        while (true)
        {
            var now = env.Now;
            if (!Plan.Calendar.IsOpen(now))
            {
                var next = Plan.Calendar.NextOpen(now);
                if (next > _ctx.Horizon)
                {
                    yield break;
                }

                yield return env.Delay(next - now);
                continue;
            }

            if (DemandMetUntil(now) is var resume && resume > now)
            {
                yield return env.Delay(resume - now);
                continue;
            }

            var control = Production.Factor;
            if (control <= 0)
            {
                Halt(now, ControlCause());
                yield return Wait();
                continue;
            }

            if (_runout.MinKey < JobsStarted + 1 && ReceivedMinKey() < JobsStarted + 1)
            {
                Halt(now, StarvedCause(_runout.Min));
                yield return WaitForStock();
                continue;
            }

            if (Halted)
            {
                if (_runout.MinKey - JobsStarted < _restartJobs && ReceivedMinKey() - JobsStarted < _restartJobs)
                {
                    yield return WaitForStock();
                    continue;
                }

                Restart(now);
            }

            StartJob();
            yield return env.Delay(JobEnd(now, rate * control * RampFactor(now)) - now);
            JobsCompleted++;
        }
    }

    public void OnDelivery(FeedRun feed)
    {
        _runout.Update(feed);
        Wake();
    }

    public void BeforeGateChange()
    {
    }

    public void AfterGateChange()
    {
        var now = _ctx.Env.Now;
        var factor = Production.Factor;
        if (factor <= 0 && Plan.Calendar.IsOpen(now) && !DemandIdle(now))
        {
            Halt(now, ControlCause());
        }

        if (factor < 1)
        {
            _fullRateSince = null;
            MarkAffected(now);
        }
        else
        {
            MaybeFullRate(now);
        }

        Wake();
    }

    public LineOutcome Outcome()
    {
        var downtime = DowntimeHours + (Halted ? Plan.Calendar.OpenHoursBetween(_haltStart, _ctx.Horizon) : 0);
        var fullRate = _affected && !Halted ? _fullRateSince : null;
        return new LineOutcome(
            Plan.Spec.PlantId,
            Plan.Spec.Id,
            FirstHalt,
            FirstHaltCause,
            downtime,
            RestartAfterFirstHalt,
            fullRate,
            Plan.PlannedUnits,
            JobsCompleted,
            DisruptionEnd);
    }

    private static long MaxReachableJobs(FeedRun feed)
    {
        var plan = feed.Plan;
        var units = plan.Trigger switch
        {
            TriggerKind.Sequence => plan.LeadJobs * plan.QuantityPerJob,
            TriggerKind.Kanban => plan.ReorderPointUnits + plan.OrderQuantityUnits,
            TriggerKind.BaseStock => plan.OrderUpToUnits,
            _ => double.PositiveInfinity,
        };
        return double.IsPositiveInfinity(units) ? long.MaxValue : (long)Math.Floor(units / plan.QuantityPerJob + 1e-9);
    }

    /// <summary>Registers an idle sequence lane to be woken at this line's next job, whose call-off it must carry.</summary>
    public void WakeAtNextJob(LaneRun lane) => _sleepingLanes.Add(lane);

    /// <summary>A shipment to <paramref name="feed"/> is on the road, due at <paramref name="arrivalHours"/>.</summary>
    public void OnShipment(FeedRun feed, double arrivalHours)
    {
        if (_waitingForStock && feed == _blocking && arrivalHours < _wakeAt)
        {
            WakeAt(arrivalHours);
        }
    }

    /// <summary>Receives everything due for every stock (before the stocks are read from outside the line).</summary>
    public void ReceiveDue()
    {
        foreach (var feed in Feeds)
        {
            feed.ReceiveDue();
        }
    }

    private void StartJob()
    {
        JobsStarted++;
        _ctx.Inventory.Change(-_valuePerJob, _ctx.Env.Now);
        if (_sleepingLanes.Count > 0)
        {
            var sleeping = CollectionsMarshal.AsSpan(_sleepingLanes);
            for (var i = 0; i < sleeping.Length; i++)
            {
                if (i + 1 < sleeping.Length)
                {
                    CacheWarming.PrefetchWide(sleeping[i + 1]);
                }

                sleeping[i].WakeUp();
            }

            _sleepingLanes.Clear();
        }

        while (_reorder.MinKey <= JobsStarted)
        {
            _reorder.WarmAfterMin();
            var feed = _reorder.Min;
            var before = _reorder.MinKey;
            feed.CheckKanban();
            _reorder.Update(feed);
            if (feed.NextReorderJob == before)
            {
                break;
            }
        }
    }

    /// <summary>
    /// End of the job just started. While the rate holds, job ends are counted from an anchor instead of summed cycle
    /// by cycle, so job n of a run at 60 per hour ends at exactly n / 60 hours after the anchor.
    /// </summary>
    private double JobEnd(double now, double jobsPerHour)
    {
        if (jobsPerHour != _anchorRate || now != _expectedStart)
        {
            _anchorRate = jobsPerHour;
            _anchorTime = now;
            _anchorJobs = JobsStarted - 1;
        }

        _expectedStart = _anchorTime + ((JobsStarted - _anchorJobs) / jobsPerHour);
        return _expectedStart;
    }

    /// <summary>
    /// The run-out job of the shortest stock once everything due for it has been received. Stocks are received
    /// lazily, so a heap key can only be too low; only the shortest stocks are brought up to date.
    /// </summary>
    private long ReceivedMinKey()
    {
        var now = _ctx.Env.Now;
        while (_runout.Count > 0 && _runout.Min.ReceivedAt != now)
        {
            _runout.WarmAfterMin();
            _runout.Min.ReceiveDue();
        }

        return _runout.MinKey;
    }

    private Event Wait()
    {
        _waitingForStock = false;
        _wake = _ctx.Env.Event();
        return _wake;
    }

    /// <summary>
    /// Waits for a gate change, a delivery, or the next shipment due at the shortest stock: only that stock's arrivals
    /// can let the line go on (when it has enough, the next shortest is looked at), so a halted line with thousands of
    /// parts is not woken by every truck.
    /// </summary>
    private Event WaitForStock()
    {
        ReceivedMinKey();
        _blocking = _runout.Min;
        var wake = Wait();
        _waitingForStock = true;
        _wakeAt = double.PositiveInfinity;
        var next = _blocking.NextArrivalHours;
        if (next < double.PositiveInfinity)
        {
            WakeAt(next);
        }

        return wake;
    }

    private void WakeAt(double hours)
    {
        _wakeAt = hours;
        var wake = _wake;
        _ctx.Env.Timeout(Math.Max(0, hours - _ctx.Env.Now)).AddCallback(_ =>
        {
            if (_wake == wake)
            {
                Wake();
            }
        });
    }

    private void Wake()
    {
        var wake = _wake;
        _wake = null;
        _waitingForStock = false;
        _wakeAt = double.PositiveInfinity;
        if (wake is { IsTriggered: false })
        {
            wake.Succeed();
        }
    }

    private void Halt(double now, CauseChain cause)
    {
        if (Halted)
        {
            return;
        }

        Halted = true;
        _haltStart = now;
        _fullRateSince = null;
        _restartGeneration++;
        _rampEnd = now;
        MarkAffected(now);
        if (FirstHalt is null && now >= _ctx.FirstDisruptionStart)
        {
            FirstHalt = now;
            FirstHaltCause = cause;
        }

        _ctx.Log(Plan.Spec.Id, EventKinds.Halt, cause);
    }

    private void Restart(double now)
    {
        Halted = false;
        DowntimeHours += Plan.Calendar.OpenHoursBetween(_haltStart, now);
        if (FirstHalt is not null && RestartAfterFirstHalt is null)
        {
            RestartAfterFirstHalt = now;
        }

        _ctx.Log(Plan.Spec.Id, EventKinds.Restart, $"after {now - _haltStart:0.##} h");
        _rampHours = Math.Max(Plan.Spec.Restart.RampUpHours, RampOverride);
        if (DisruptionEnd is { } end && now >= end)
        {
            // A disruption's ramp-up applies to the restart that follows it, not to later unrelated halts.
            RampOverride = 0;
        }

        _rampStart = now;
        _rampEnd = _rampHours > 0 ? Plan.Calendar.AddOpenHours(now, _rampHours) : now;
        if (_rampEnd > now)
        {
            var generation = _restartGeneration;
            _ctx.Env.Timeout(_rampEnd - now).AddCallback(_ =>
            {
                if (generation == _restartGeneration)
                {
                    MaybeFullRate(_ctx.Env.Now);
                }
            });
        }
        else
        {
            MaybeFullRate(now);
        }
    }

    private void MaybeFullRate(double now)
    {
        if (Halted || now < _rampEnd || Production.Factor < 1 || _fullRateSince is not null)
        {
            return;
        }

        _fullRateSince = now;
        if (_affected)
        {
            _ctx.Log(Plan.Spec.Id, EventKinds.FullRate, "back at planned rate");
        }
    }

    private void MarkAffected(double now)
    {
        if (now >= _ctx.FirstDisruptionStart)
        {
            _affected = true;
        }
    }

    private double RampFactor(double now)
    {
        if (now >= _rampEnd || _rampHours <= 0)
        {
            return 1;
        }

        var from = Plan.Spec.Restart.RampStartFraction;
        var progress = Plan.Calendar.OpenHoursBetween(_rampStart, now) / _rampHours;
        return from + ((1 - from) * Math.Min(1, progress));
    }

    private static CauseChain StarvedCause(FeedRun feed)
    {
        var chain = new List<CauseLink> { CauseLink.Part(feed.Plan.PartId) };
        LaneRun.ExplainFeed(feed, chain, 0);
        return new CauseChain(chain);
    }

    private CauseChain ControlCause() => CauseChain.Of(Production.Cause ?? CauseLink.FunctionDown(ItFunction.ProductionControl));
}
