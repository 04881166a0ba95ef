using Google.OrTools.LinearSolver;

namespace Simulator.Experiments;

/// <summary>A stock the buffer-sizing LP may raise: one of a model's stocks (line side) or products (finished goods).</summary>
/// <param name="Key">Holder and part, <c>node/part</c>, as the survival model names stocks and products.</param>
/// <param name="IsProduct">True for a supplier's finished goods (a product of the model), false for a stock.</param>
/// <param name="CostPerUnit">What one more unit held costs (unit cost x holding rate a year); the LP minimises the sum.</param>
internal sealed record SizingCandidate(string Key, bool IsProduct, double CostPerUnit);

/// <summary>One outage the sized stock must bridge: its survival model and the hours every line must build its rate over.</summary>
/// <param name="Model">The network under the outage (<see cref="SurvivalModelBuilder"/>).</param>
/// <param name="WindowHours">Hours from the outage's start: its duration and the time the restored chain needs to deliver again.</param>
internal sealed record SizingOutage(SurvivalModel Model, double WindowHours);

/// <summary>
/// The least-cost extra stock such that, for every outage given, the lines build their rate (times what the outage
/// leaves of their control) over the outage's window when everything left is allocated as well as possible.
/// </summary>
/// <remarks>
/// One block of the time-to-survive constraints (<see cref="MaterialBalance"/>) per outage, over a fixed window, with
/// the lines' jobs fixed at their rate (under the state's demand caps); every block shares one variable per candidate, the extra units added to that
/// stock's or product's bound. A stock only ever bounds what can be drawn, so raising it keeps every block feasible:
/// the program is always feasible (a line's own stock can cover its whole window) and the maximum of the solutions of
/// separate groups of outages is feasible for all of them.
/// </remarks>
internal static class BufferSizingLp
{
    private const double Infinity = double.PositiveInfinity;

    /// <summary>Cost added to every candidate unit so that free parts are not stocked beyond need.</summary>
    private const double TieCost = 1e-6;

    /// <summary>The least-cost extra units per candidate for all <paramref name="outages"/> together.</summary>
    /// <exception cref="InvalidOperationException">GLOP did not reach the optimum.</exception>
    public static double[] Solve(IReadOnlyList<SizingCandidate> candidates, IReadOnlyList<SizingOutage> outages)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(outages);
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP solver is not available");
        var extra = candidates.Select((c, i) => solver.MakeNumVar(0, Infinity, $"extra:{i}")).ToArray();
        var index = new Dictionary<(string, bool), int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            index[(candidates[i].Key, candidates[i].IsProduct)] = i;
        }

        foreach (var outage in outages)
        {
            AddBlock(solver, outage, extra, index);
        }

        var objective = solver.Objective();
        for (var i = 0; i < candidates.Count; i++)
        {
            objective.SetCoefficient(extra[i], candidates[i].CostPerUnit + TieCost);
        }

        objective.SetMinimization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"the buffer-sizing LP ended {status} instead of optimal");
        }

        return extra.Select(x => Math.Max(0, x.SolutionValue())).ToArray();
    }

    /// <summary>The material balance of one outage over its window, with the bounds the candidates raise and the lines at their rate.</summary>
    private static void AddBlock(Solver solver, SizingOutage outage, Variable[] extra, Dictionary<(string, bool), int> index)
    {
        var model = outage.Model;
        var balance = new MaterialBalance(solver, model, outage.WindowHours);
        for (var p = 0; p < model.Products.Count; p++)
        {
            if (index.TryGetValue((model.Products[p].Id, true), out var c))
            {
                balance.Shipped[p].SetCoefficient(extra[c], -1);
            }
        }

        for (var s = 0; s < model.Stocks.Count; s++)
        {
            if (index.TryGetValue((model.Stocks[s].Id, false), out var c))
            {
                balance.Drawn[s].SetCoefficient(extra[c], -1);
            }
        }

        // The lines build their rate over the window: what they consume is a constant on the right-hand side.
        for (var l = 0; l < model.Lines.Count; l++)
        {
            balance.ConsumeAtRate(l);
        }
    }
}
