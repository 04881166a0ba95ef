namespace Simulator.Model;

/// <summary>
/// What an undisrupted run holds at one instant, in the network's index order: the stock of every feed (at a line,
/// what has arrived by then, received or not), every supplier product's finished goods and every lane's goods still on
/// the road.
/// </summary>
/// <param name="Hours">The instant: every event before it has been processed.</param>
/// <param name="FeedUnits">Pieces in stock, by <see cref="FeedPlan.Index"/>.</param>
/// <param name="FinishedUnits">Finished pieces, by supplier (in <see cref="Network.Suppliers"/> order) and product.</param>
/// <param name="InTransitUnits">Pieces shipped and not yet arrived, by lane (in <see cref="Network.Lanes"/> order).</param>
/// <param name="BacklogUnits">Pieces ordered from the supplier (transmitted) and not shipped yet, by lane.</param>
/// <param name="DemandLeft">
/// By line (in <see cref="Network.Lines"/> order): jobs the state's demand still allows in the capped day under way, or
/// null outside one.
/// </param>
/// <param name="OutputLeft">
/// By supplier and product: pieces the state's planned output still allows in the capped day under way (+infinity
/// outside one).
/// </param>
internal sealed record StockSnapshot(
    double Hours,
    IReadOnlyList<double> FeedUnits,
    IReadOnlyList<IReadOnlyList<double>> FinishedUnits,
    IReadOnlyList<double> InTransitUnits,
    IReadOnlyList<double> BacklogUnits,
    IReadOnlyList<double?> DemandLeft,
    IReadOnlyList<IReadOnlyList<double>> OutputLeft);

/// <summary>Runs to one instant, takes the <see cref="StockSnapshot"/> there and ends the run.</summary>
internal sealed class StockCapture(double hours) : Checkpointing(hours)
{
    public StockSnapshot? Snapshot { get; private set; }

    protected override bool At(int index, RunRuntime runtime)
    {
        Snapshot = runtime.Stocks();
        return true;
    }

    /// <summary>A stopped capture reports no outcome: only <see cref="Snapshot"/> is of use.</summary>
    public override RunTrace Stopped(RunRuntime runtime) => new([], [], [], [], double.NaN, runtime.Context.Env.ProcessedEvents);
}
