namespace Simulator.Model;

/// <summary>A supplier's capacity shared by its products (<c>capacity_per_hour</c> on the supplier).</summary>
internal sealed partial class SupplierRun
{
    private double[] _want = [];
    private double[] _weight = [];
    private double[] _grant = [];

    /// <summary>
    /// Produces every product of the supplier (its one cell) over <paramref name="hours"/> from the shared capacity:
    /// each product wants what it could make with the whole capacity (within its own capacity, its demand, its
    /// inputs and its planned output), and <see cref="CapacityShare"/> splits the capacity by planned demand. A source taking over a failed
    /// sibling's orders thus gets only what its other products leave: its spare capacity.
    /// </summary>
    private void ProduceShared(ProductionCell cell, double hours, double factor, double sharedPerHour)
    {
        if (_want.Length != Plan.Products.Count)
        {
            _want = new double[Plan.Products.Count];
            _grant = new double[Plan.Products.Count];
            _weight = Plan.Products.Select(p => p.AveragePerHour).ToArray();
        }

        foreach (var p in cell.Products)
        {
            var product = Plan.Products[p];
            var want = Want(p, hours, Math.Min(product.Spec.CapacityPerHour, sharedPerHour) * factor, _products[p].Backlog - _products[p].ArrivedBefore);
            var inputs = product.Spec.Inputs;
            for (var i = 0; i < inputs.Count; i++)
            {
                want = Math.Min(want, Math.Max(0, _inputs[product.InputFeedIndex[i]].OnHand) / inputs[i].QuantityPerJob);
            }

            _want[p] = Math.Max(0, Math.Min(want, Allowance(p)));
        }

        CapacityShare.Split(_want, _weight, sharedPerHour * factor * hours, _grant);
        foreach (var p in cell.Products)
        {
            Produce(p, hours, factor, _products[p].Backlog - _products[p].ArrivedBefore, _grant[p]);
        }
    }

    /// <summary>What product <paramref name="p"/> would make in <paramref name="hours"/> at <paramref name="capacityPerHour"/>, inputs aside.</summary>
    private double Want(int p, double hours, double capacityPerHour, double arrived)
    {
        var deficit = _recipes[p].TargetUnits + _products[p].Backlog - arrived - _products[p].Finished;
        return FluidOutput(deficit, arrived / hours, capacityPerHour, hours);
    }
}
