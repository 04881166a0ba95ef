using Simulator.Metrics;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>How <see cref="BufferSizing.Run"/> sizes buffers.</summary>
/// <param name="Policy">Policy whose stocks are today's (the starting point); null: the scenario's first.</param>
/// <param name="Outages">Outages every line must survive; null: every supplier, IT system and provider for its own recovery time (72 h without one).</param>
/// <param name="Seed">Root seed of the verifying simulations (replication r of it, as <c>run</c> and <c>stress</c> use it).</param>
/// <param name="MaxRounds">Rounds of raising and re-simulating after the LP before the sizing gives up on an outage.</param>
/// <param name="Parallelism">Simulations at once; null uses every core.</param>
/// <param name="PolicyId">Id of the policy written.</param>
/// <param name="Replications">Seeds every outage is verified with (replications 0 to N - 1): a line may starve with none of them.</param>
public sealed record BufferSizingOptions(
    string? Policy = null,
    IReadOnlyList<OutageRequest>? Outages = null,
    ulong Seed = 1,
    int MaxRounds = BufferSizing.DefaultMaxRounds,
    int? Parallelism = null,
    string PolicyId = BufferSizing.DefaultPolicyId,
    int Replications = 1);

/// <summary>One outage to size for.</summary>
/// <param name="Target">Supplier id, IT system id or provider name.</param>
/// <param name="Hours">Hours it is down; null: its own recovery time (72 h without one).</param>
public sealed record OutageRequest(string Target, double? Hours = null);

/// <summary>Where a sized stock is held.</summary>
public enum StockHolderKind
{
    /// <summary>Line-side stock of a part at a line.</summary>
    Line,

    /// <summary>Finished goods of a part at a supplier (tier 1 or 2).</summary>
    Supplier,
}

/// <summary>One stock the sizing raised.</summary>
/// <param name="Holder">Line side or a supplier's finished goods.</param>
/// <param name="Node">Line or supplier id.</param>
/// <param name="Part">Part id.</param>
/// <param name="Tier">Supplier tier; 0 for a line.</param>
/// <param name="UnitCost">Value of one unit.</param>
/// <param name="TodayUnits">Units held today (the starting policy, at hour 0).</param>
/// <param name="LpUnits">Units the LP asks for.</param>
/// <param name="SizedUnits">Units after the simulation's raises: the level the policy sets.</param>
/// <param name="HoldingCostPerYear">What the added units cost to hold a year: added units x unit cost x holding rate.</param>
public sealed record SizedStock(
    StockHolderKind Holder, string Node, string Part, int Tier, double UnitCost, double TodayUnits, double LpUnits, double SizedUnits, double HoldingCostPerYear)
{
    /// <summary>Units added to today's stock.</summary>
    public double AddedUnits => SizedUnits - TodayUnits;
}

/// <summary>How the lines fared in one outage, today and with the sized policy.</summary>
/// <param name="Target">What was down.</param>
/// <param name="DurationHours">Hours it was down.</param>
/// <param name="WindowHours">Hours the LP asked the lines to be covered for: the duration and the time the restored chain needs to deliver (within the horizon).</param>
/// <param name="Today">Lines' outcome under today's stock.</param>
/// <param name="Sized">Lines' outcome under the sized policy.</param>
/// <param name="StockCannotHelp">A line halted for its own control system, which no stock bridges (it needs a fallback).</param>
/// <param name="SharedWith">Id of the target whose simulation this outage took (the same gates switched off), or null.</param>
/// <param name="NoPathToLine">The outage cannot reach a line: nothing was simulated or sized for it.</param>
public sealed record SizedOutage(
    StressTarget Target,
    double DurationHours,
    double WindowHours,
    OutageOutcome Today,
    OutageOutcome Sized,
    bool StockCannotHelp,
    string? SharedWith,
    bool NoPathToLine)
{
    /// <summary>No line halted for a part under the sized policy.</summary>
    public bool Survived => Sized.StarvedLines.Count == 0;
}

/// <summary>What one outage did to the lines, over the verifying seeds.</summary>
/// <param name="TimeToHaltHours">Hours from the outage's start to the first halt of any line with any seed (the earliest), or null.</param>
/// <param name="LostUnits">Units lost over every line against the undisrupted run of the same seed, mean over the seeds.</param>
/// <param name="StarvedLines">Lines that ran out of a part with any seed, in scenario order.</param>
public sealed record OutageOutcome(double? TimeToHaltHours, double LostUnits, IReadOnlyList<string> StarvedLines)
{
    /// <summary>The outcome of an outage that was not simulated because it cannot reach a line.</summary>
    public static OutageOutcome None { get; } = new(null, 0, []);
}

/// <summary>The least-cost buffers that carry the lines through every outage, as a policy, and what they cost against today's.</summary>
/// <param name="TodayPolicy">The policy whose stocks were the starting point.</param>
/// <param name="Policy">The sized policy: today's, plus one <c>at</c> override per raised stock.</param>
/// <param name="HoldingCostRatePerYear">The scenario's holding rate.</param>
/// <param name="Stocks">Every stock raised, lines first, then suppliers by tier, in scenario order.</param>
/// <param name="Outages">Every outage sized for, in the order given (stress-target order by default).</param>
/// <param name="Today">Stock held and its holding cost under today's policy.</param>
/// <param name="Sized">The same under the sized policy.</param>
/// <param name="Rounds">Rounds of simulation after the LP (1 when the LP's stock already carried every line through).</param>
/// <param name="LpGroups">Linear programs solved (outages are solved together up to a size, the groups' stocks combined by maximum).</param>
/// <param name="Simulations">Outage simulations run, baselines included.</param>
/// <param name="ProcessedEvents">Kernel events over every simulation.</param>
public sealed record BufferSizingResult(
    string TodayPolicy,
    PolicySpec Policy,
    double HoldingCostRatePerYear,
    IReadOnlyList<SizedStock> Stocks,
    IReadOnlyList<SizedOutage> Outages,
    StockHolding Today,
    StockHolding Sized,
    int Rounds,
    int LpGroups,
    int Simulations,
    long ProcessedEvents)
{
    /// <summary>Outages a line still starves in under the sized policy (after every round).</summary>
    public int Unsurvived => Outages.Count(o => !o.Survived);

    /// <summary>Extra holding cost a year of the sized policy over today's.</summary>
    public double AddedHoldingCostPerYear => Sized.HoldingCostPerYear - Today.HoldingCostPerYear;
}
