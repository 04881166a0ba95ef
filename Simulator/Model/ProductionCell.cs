namespace Simulator.Model;

/// <summary>
/// Products of one supplier linked by a shared input or by the supplier's shared capacity: they must be brought up to
/// date together (a short input or the capacity is rationed between them), while products in different cells never
/// interact between two gate changes.
/// </summary>
/// <remarks>The cell copies the arrays it is given, so that they lie right after it in memory.</remarks>
internal sealed class ProductionCell(int[] products, int[] inputs, int inputCount)
{
    /// <summary>Indices of the supplier's products in this cell.</summary>
    public int[] Products { get; } = [.. products];

    /// <summary>The cell's only product, or -1 when it has several: most cells have one, read without the array.</summary>
    public int SoleProduct { get; } = products.Length == 1 ? products[0] : -1;

    /// <summary>Indices of the supplier's input stocks these products draw on.</summary>
    public int[] Inputs { get; } = [.. inputs];

    /// <summary>Per input of the supplier: drawn since the cell last re-checked its kanban orders.</summary>
    public bool[] Drawn { get; } = new bool[inputCount];

    /// <summary>Sequence lanes shipping this cell's products: their call-offs are taken in as the cell advances.</summary>
    public LaneRun[] SequenceLanes { get; private set; } = [];

    /// <summary>Adds a sequence lane when the run is wired (an array, not a list: the cell reads it on every advance).</summary>
    public void AddSequenceLane(LaneRun lane) => SequenceLanes = [.. SequenceLanes, lane];

    /// <summary>Hour up to which the cell's production has been computed.</summary>
    public double AdvancedTo { get; set; }

    /// <summary>Start of the interval the cell last computed.</summary>
    public double AdvancedFrom { get; set; }

    /// <summary>
    /// Groups <paramref name="plan"/>'s products into cells; returns each product's cell and, per cell, its products and
    /// the inputs they draw on (the supplier makes the cells from them).
    /// </summary>
    public static (int[] CellOfProduct, int[][] Members, int[][] Inputs) Partition(SupplierPlan plan, int inputCount)
    {
        var count = plan.Products.Count;
        var root = Enumerable.Range(0, count).ToArray();
        int Find(int i) => root[i] == i ? i : root[i] = Find(root[i]);
        if (plan.Spec.CapacityPerHour is not null)
        {
            // Products sharing the supplier's capacity are rationed together, like products sharing an input.
            for (var p = 1; p < count; p++)
            {
                root[Find(p)] = Find(0);
            }
        }

        var userOfInput = new int[inputCount];
        Array.Fill(userOfInput, -1);
        for (var p = 0; p < count; p++)
        {
            foreach (var f in plan.Products[p].InputFeedIndex)
            {
                if (userOfInput[f] < 0)
                {
                    userOfInput[f] = p;
                }
                else
                {
                    root[Find(p)] = Find(userOfInput[f]);
                }
            }
        }

        var cellOfRoot = new Dictionary<int, int>();
        var products = new List<List<int>>();
        var cellOfProduct = new int[count];
        for (var p = 0; p < count; p++)
        {
            var r = Find(p);
            if (!cellOfRoot.TryGetValue(r, out var c))
            {
                c = products.Count;
                cellOfRoot[r] = c;
                products.Add([]);
            }

            cellOfProduct[p] = c;
            products[c].Add(p);
        }

        var members = products.Select(m => m.ToArray()).ToArray();
        var inputs = members
            .Select((_, c) => Enumerable.Range(0, inputCount).Where(f => userOfInput[f] >= 0 && cellOfProduct[userOfInput[f]] == c).ToArray())
            .ToArray();
        return (cellOfProduct, members, inputs);
    }
}
