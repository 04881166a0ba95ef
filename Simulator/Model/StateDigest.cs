namespace Simulator.Model;

/// <summary>
/// The state of a run at a checkpoint as a sequence of exact values (doubles by their bits), written by every runtime
/// object in a fixed order. Counters that only ever grow (jobs started, pieces ordered, shipped, received) are written
/// relative to a counter of the same object, so that a disrupted run that lost production can still equal its baseline.
/// A digest either records its values (a baseline's checkpoint) or compares them one by one with a recorded digest and
/// notes the first that differs, so that writers can give up as soon as it is clear the states differ.
/// </summary>
internal sealed class StateDigest
{
    private readonly List<ulong> _values;
    private readonly ulong[]? _expected;
    private readonly List<(int At, string Kind, string Id, string Detail)> _parts = [];
    private int _count;

    /// <summary>A digest that records its values.</summary>
    public StateDigest() => _values = new List<ulong>(4096);

    /// <summary>A digest that compares its values with <paramref name="expected"/>.</summary>
    public StateDigest(ulong[] expected)
    {
        _values = [];
        _expected = expected;
    }

    /// <summary>False once something was found that the digest cannot describe: the run may not stop at this checkpoint.</summary>
    public bool Describable { get; private set; } = true;

    /// <summary>Comparing: index of the first value that differs from the expected one, or -1.</summary>
    public int MismatchAt { get; private set; } = -1;

    /// <summary>Nothing more needs to be written: the state differs or cannot be described.</summary>
    public bool Settled => MismatchAt >= 0 || !Describable;

    /// <summary>Comparing: every value was written and each equals the expected one.</summary>
    public bool MatchesExpected => _expected is not null && Describable && MismatchAt < 0 && _count == _expected.Length;

    public int Count => _count;

    public void Add(ulong value)
    {
        if (_expected is null)
        {
            _values.Add(value);
        }
        else if (MismatchAt < 0 && (_count >= _expected.Length || _expected[_count] != value))
        {
            MismatchAt = _count;
            _mismatchValue = value;
        }

        _count++;
    }

    private ulong _mismatchValue;

    public void Add(double value) => Add((ulong)BitConverter.DoubleToInt64Bits(value));

    public void Add(long value) => Add((ulong)value);

    public void Add(bool value) => Add(value ? 1UL : 0UL);

    public void Add(string value)
    {
        Add((ulong)value.Length);
        foreach (var c in value)
        {
            Add((ulong)c);
        }
    }

    /// <summary>A counter written relative to <paramref name="reference"/>.</summary>
    public void Relative(double counter, double reference) => Add(counter - reference);

    /// <summary>Marks the state as one the digest does not cover (a pending callback it does not know).</summary>
    public void Undescribable() => Describable = false;

    /// <summary>Notes that what follows is written by the object <paramref name="kind"/> <paramref name="id"/> (not part of the values; for explaining a difference).</summary>
    public void Begin(string kind, string id = "", string detail = "") => _parts.Add((_count, kind, id, detail));

    /// <summary>The recorded values.</summary>
    public ulong[] ToArray() => [.. _values];

    /// <summary>Comparing: what wrote the first value that differs, and both values, or null when none differs.</summary>
    public string? Difference()
    {
        if (!Describable)
        {
            return "a pending callback the digest does not describe";
        }

        if (MismatchAt < 0)
        {
            return _expected is not null && _count != _expected.Length ? $"the length ({_count} against {_expected.Length} values)" : null;
        }

        var part = _parts.LastOrDefault(p => p.At <= MismatchAt);
        var where = part.Kind is null ? "the hour" : $"{part.Kind} {part.Id} {part.Detail} (value {MismatchAt - part.At} of it)";
        var expected = MismatchAt < _expected!.Length ? _expected[MismatchAt] : 0;
        return $"{where}: {Show(_mismatchValue)} against {Show(expected)}";
    }

    private static string Show(ulong value) => $"{(long)value} (as a double {BitConverter.Int64BitsToDouble((long)value)})";
}
