using BenchmarkDotNet.Attributes;

namespace Benchmarks;

/// <summary>Ten machines, one repairman, ten years (520 weeks) of simulated minutes; one operation is the whole run.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MachineShopBenchmark
{
    internal const double TenYearsMinutes = 520 * 7 * 24 * 60.0;

    [Benchmark]
    public long TenYears()
    {
        var shop = new MachineShop(seed: 42, machines: 10);
        shop.Run(TenYearsMinutes);
        return shop.Parts;
    }
}
