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

    /// <summary>Pieces per hour at full production (<see cref="Specs.ProductSpec.CapacityPerHour"/>).</summary>
    public double CapacityPerHour { get; }

    /// <summary>Finished pieces the supplier keeps beyond its order book (<see cref="ProductPlan.TargetUnits"/>).</summary>
    public double TargetUnits { get; }

    /// <summary>Value of one piece.</summary>
    public double UnitCost { get; }

    /// <summary>What one piece draws, input by input in <see cref="Specs.ProductSpec.Inputs"/> order, in one array: a production step reads it whole.</summary>
    public RecipeInput[] Inputs { get; }
}
