namespace Simulator.Model;

internal sealed partial class SupplierRun
{
    /// <summary>Writes finished, free and owed goods per product, the order books, what is made for each lane, the output caps left and each production cell's position. The product recipes, input stocks and cells are fixed when the run is built; a product's backlog at its cell's last advance is set before every use; the production factor it keeps is its gate's own; what it produced in all is an output, read by no decision.</summary>
    public void WriteState(StateDigest digest)
    {
        foreach (var product in _products)
        {
            digest.Add(product.Finished);
            digest.Add(product.Free);
            digest.Add(product.Backlog);
            product.Book.WriteState(digest);
        }

        foreach (var ready in _ready)
        {
            digest.Add(ready);
        }

        digest.Add(_allowance is not null);
        foreach (var allowance in _allowance ?? [])
        {
            digest.Add(allowance);
        }

        foreach (var cell in _cells)
        {
            digest.Add(cell.AdvancedTo);
            foreach (var drawn in cell.Drawn)
            {
                digest.Add(drawn);
            }
        }
    }
}
