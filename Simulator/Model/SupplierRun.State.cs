namespace Simulator.Model;

internal sealed partial class SupplierRun
{
    /// <summary>Writes finished, free and owed goods per product, the order books, what is made for each lane, the output caps left and each production cell's position (the product recipes are fixed when the run is built).</summary>
    public void WriteState(StateDigest digest)
    {
        for (var p = 0; p < _finished.Length; p++)
        {
            digest.Add(_finished[p]);
            digest.Add(_free[p]);
            digest.Add(_backlog[p]);
            _book[p].WriteState(digest);
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
