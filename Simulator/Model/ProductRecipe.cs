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
        Inputs = new RecipeInput[plan.Spec.Inputs.Count];
        for (var i = 0; i < Inputs.Length; i++)
        {
            var index = plan.InputFeedIndex[i];
            Inputs[i] = new RecipeInput(supplierInputs[index], plan.Spec.Inputs[i].QuantityPerJob, index);
        }
    }

    public double CapacityPerHour { get; }

    public double TargetUnits { get; }

    public double UnitCost { get; }

    /// <summary>What one piece draws, input by input, in one array: a production step reads it whole.</summary>
    public RecipeInput[] Inputs { get; }
}

/// <summary>One input of a product: the supplier's input stock, pieces drawn per piece made and the stock's index among the supplier's inputs.</summary>
internal readonly record struct RecipeInput(FeedRun Feed, double PerPiece, int FeedIndex);
