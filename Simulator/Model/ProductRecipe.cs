namespace Simulator.Model;

/// <summary>
/// What a supplier's production reads of one product on every advance, gathered in one object at the start of a
/// run: the product plan's figures, the input stocks it draws on and how much of each a piece takes. Production
/// runs millions of times per run; this spares it the walk from plan to spec to input list per input.
/// </summary>
internal sealed class ProductRecipe
{
    public ProductRecipe(ProductPlan plan, IReadOnlyList<FeedRun> supplierInputs)
    {
        CapacityPerHour = plan.Spec.CapacityPerHour;
        TargetUnits = plan.TargetUnits;
        UnitCost = plan.UnitCost;
        var count = plan.Spec.Inputs.Count;
        FeedIndex = new int[count];
        Feeds = new FeedRun[count];
        PerPiece = new double[count];
        for (var i = 0; i < count; i++)
        {
            FeedIndex[i] = plan.InputFeedIndex[i];
            Feeds[i] = supplierInputs[FeedIndex[i]];
            PerPiece[i] = plan.Spec.Inputs[i].QuantityPerJob;
        }
    }

    /// <summary>Pieces per hour at full production (<see cref="Specs.ProductSpec.CapacityPerHour"/>).</summary>
    public double CapacityPerHour { get; }

    /// <summary>Finished pieces the supplier keeps beyond its order book (<see cref="ProductPlan.TargetUnits"/>).</summary>
    public double TargetUnits { get; }

    /// <summary>Value of one piece.</summary>
    public double UnitCost { get; }

    /// <summary>Per input, in <see cref="Specs.ProductSpec.Inputs"/> order: its index among the supplier's input stocks.</summary>
    public int[] FeedIndex { get; }

    /// <summary>Per input: the supplier's input stock.</summary>
    public FeedRun[] Feeds { get; }

    /// <summary>Per input: pieces of it per piece made.</summary>
    public double[] PerPiece { get; }
}
