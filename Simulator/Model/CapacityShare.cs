namespace Simulator.Model;

/// <summary>
/// Splits a supplier's shared capacity among the products that want it: in proportion to weights (their planned
/// demand), and what a product does not want goes to the others in the same proportion (weighted water-filling).
/// </summary>
/// <remarks>
/// Guarantees: no product gets more than it wants; the capacity is used up unless every want is met (so no product
/// waits while capacity is idle); a product that gets less than it wants gets at least its weight's share of the
/// whole, and no product short of its want gets less per unit of weight than any other. Products of weight 0 share
/// what the weighted ones leave equally.
/// </remarks>
internal static class CapacityShare
{
    /// <summary>Writes into <paramref name="grants"/> what each product may make of <paramref name="volume"/>.</summary>
    /// <param name="wants">What each product could make with the whole capacity (>= 0).</param>
    /// <param name="weights">Each product's weight (>= 0).</param>
    /// <param name="volume">Capacity to share, in pieces.</param>
    /// <param name="grants">Receives each product's part; NaN marks an unsettled product while splitting.</param>
    public static void Split(ReadOnlySpan<double> wants, ReadOnlySpan<double> weights, double volume, Span<double> grants)
    {
        var open = 0;
        for (var i = 0; i < wants.Length; i++)
        {
            grants[i] = wants[i] > 0 ? double.NaN : 0;
            open += wants[i] > 0 ? 1 : 0;
        }

        var left = Math.Max(0, volume);
        while (open > 0)
        {
            double weight = 0;
            for (var i = 0; i < wants.Length; i++)
            {
                weight += double.IsNaN(grants[i]) ? weights[i] : 0;
            }

            // Only products of weight 0 are left: they share the rest equally.
            var equal = weight <= 0;
            var total = equal ? open : weight;
            var settled = 0.0;
            var settledAny = false;
            for (var i = 0; i < wants.Length; i++)
            {
                if (double.IsNaN(grants[i]) && wants[i] <= left * (equal ? 1 : weights[i]) / total)
                {
                    grants[i] = wants[i];
                    settled += wants[i];
                    settledAny = true;
                    open--;
                }
            }

            if (!settledAny)
            {
                for (var i = 0; i < wants.Length; i++)
                {
                    if (double.IsNaN(grants[i]))
                    {
                        grants[i] = left * (equal ? 1 : weights[i]) / total;
                    }
                }

                return;
            }

            left = Math.Max(0, left - settled);
        }
    }
}
