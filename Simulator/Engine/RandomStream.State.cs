namespace Simulator.Engine;

public sealed partial class RandomStream
{
    /// <summary>The generator's whole state: two streams with equal states draw the same numbers from now on.</summary>
    public (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);
}
