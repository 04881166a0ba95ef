namespace Simulator.Model;

/// <summary>A supplier's planned output per day (<c>state.planned_output</c>) as a cap on what it makes those days.</summary>
internal sealed partial class SupplierRun
{
    /// <summary>Per product: pieces it may still make in the current capped day (+infinity outside one); null when no product is capped.</summary>
    private double[]? _allowance;

    /// <summary>What product <paramref name="p"/> may still make today under its planned output.</summary>
    private double Allowance(int p) => _allowance?[p] ?? double.PositiveInfinity;

    /// <summary>
    /// Pieces product <paramref name="p"/> may still make in the capped day that holds <paramref name="now"/>, as of its
    /// last advance (a day that starts at this very instant, whose start has not been processed yet, allows all its
    /// pieces); +infinity outside one.
    /// </summary>
    public double OutputLeft(int p, double now)
    {
        foreach (var day in Plan.Products[p].OutputCaps)
        {
            if (day.FromHours <= now && now < day.ToHours)
            {
                return day.FromHours == now ? day.Units : Allowance(p);
            }
        }

        return double.PositiveInfinity;
    }

    private void Allow(int p, double change)
    {
        if (_allowance is not null)
        {
            _allowance[p] = Math.Max(0, _allowance[p] + change);
        }
    }

    /// <summary>
    /// At each capped day's start and end the product is brought up to that instant under the old cap (production is
    /// lazy), then the new one applies: the day's planned pieces, or none past the day.
    /// </summary>
    private void ScheduleOutputCaps()
    {
        for (var p = 0; p < Plan.Products.Count; p++)
        {
            var product = p;
            foreach (var day in Plan.Products[p].OutputCaps)
            {
                _allowance ??= Enumerable.Repeat(double.PositiveInfinity, Plan.Products.Count).ToArray();
                _ctx.Env.Timeout(day.FromHours).AddCallback(_ =>
                {
                    AdvanceProduct(product);
                    _allowance[product] = day.Units;
                });
                _ctx.Env.Timeout(day.ToHours).AddCallback(_ =>
                {
                    AdvanceProduct(product);
                    _allowance[product] = double.PositiveInfinity;
                });
            }
        }
    }
}
