using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Simulator.Model;

/// <summary>
/// The state of a run at a checkpoint as a sequence of exact values (doubles by their bits, counters as they are),
/// written by every runtime object in a fixed order, one section per object. A digest either records (a baseline's checkpoint: a 64-bit hash per
/// section, the SHA-256 of all values and, when asked, the values themselves) or compares with a recorded one section by
/// section, so that writing stops at the first object whose state differs; states are equal only when every section
/// hash, the SHA-256 and (when recorded) every value are.
/// </summary>
internal sealed class StateDigest : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8 * 512];
    private readonly RecordedDigest? _expected;
    private readonly List<ulong> _sections = [];
    private readonly List<(string Kind, string Id, string Detail)> _names = [];
    private readonly List<ulong>? _values;
    private int _buffered;
    private ulong _section = Seed;
    private bool _open;

    private const ulong Seed = 0x9E3779B97F4A7C15;

    /// <summary>A digest that records, with its values when <paramref name="keepValues"/>.</summary>
    public StateDigest(bool keepValues = false) => _values = keepValues ? new List<ulong>(4096) : null;

    /// <summary>A digest that compares with <paramref name="expected"/>.</summary>
    public StateDigest(RecordedDigest expected)
    {
        _expected = expected;
        _values = expected.Values is null ? null : new List<ulong>(expected.Values.Length);
    }

    /// <summary>False once something was found that the digest cannot describe: the run may not stop at this checkpoint.</summary>
    public bool Describable { get; private set; } = true;

    /// <summary>Comparing: the first section that differs from the expected one, or -1.</summary>
    public int MismatchAt { get; private set; } = -1;

    /// <summary>Nothing more needs to be written: the state differs or cannot be described.</summary>
    public bool Settled => MismatchAt >= 0 || !Describable;

    public void Add(ulong value)
    {
        _section = (_section ^ value) * 0xBF58476D1CE4E5B9;
        _section ^= _section >> 31;
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_buffered), value);
        _buffered += 8;
        if (_buffered == _buffer.Length)
        {
            _sha.AppendData(_buffer);
            _buffered = 0;
        }

        _values?.Add(value);
    }

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

    /// <summary>Marks the state as one the digest does not cover (a pending callback it does not know).</summary>
    public void Undescribable() => Describable = false;

    /// <summary>Starts the section of the object <paramref name="kind"/> <paramref name="id"/>; ends the one before.</summary>
    public void Begin(string kind, string id = "", string detail = "")
    {
        EndSection();
        _section = Seed;
        _open = true;
        _names.Add((kind, id, detail));
    }

    /// <summary>Recording: what was written, or null when the state could not be described.</summary>
    public RecordedDigest? Record()
    {
        var sha = Complete();
        return Describable ? new RecordedDigest([.. _sections], sha, _values?.ToArray()) : null;
    }

    /// <summary>
    /// The hash of every section written so far, one per runtime object in writing order, even when the state is not
    /// describable as a whole (for measuring how many objects two runs have in common).
    /// </summary>
    public ulong[] SectionHashes()
    {
        Complete();
        return [.. _sections];
    }

    /// <summary>
    /// Comparing: true when every section, the SHA-256 and (when recorded) every value equal the expected digest.
    /// </summary>
    /// <exception cref="InvalidOperationException">The hashes are equal but the recorded values are not (a collision).</exception>
    public bool Matches()
    {
        var expected = _expected ?? throw new InvalidOperationException("this digest records");
        var sha = Complete();
        if (Settled || _sections.Count != expected.Sections.Length || !sha.AsSpan().SequenceEqual(expected.Sha256))
        {
            return false;
        }

        if (expected.Values is { } values && !_values!.SequenceEqual(values))
        {
            throw new InvalidOperationException("two state digests have the same hashes but hold different values");
        }

        return true;
    }

    /// <summary>Comparing: which object's state differed first, or why the states could not be compared.</summary>
    public string Difference() =>
        !Describable ? "a pending callback the digest does not describe"
        : MismatchAt >= 0 ? $"{_names[MismatchAt].Kind} {_names[MismatchAt].Id} {_names[MismatchAt].Detail}".TrimEnd()
        : $"the number of objects or the SHA-256 ({_sections.Count} sections against {_expected?.Sections.Length})";

    public void Dispose() => _sha.Dispose();

    private byte[] Complete()
    {
        EndSection();
        _sha.AppendData(_buffer.AsSpan(0, _buffered));
        _buffered = 0;
        return _sha.GetHashAndReset();
    }

    private void EndSection()
    {
        if (!_open)
        {
            return;
        }

        var index = _sections.Count;
        _sections.Add(_section);
        if (_expected is not null && MismatchAt < 0 && (index >= _expected.Sections.Length || _expected.Sections[index] != _section))
        {
            MismatchAt = index;
        }

        _section = Seed;
        _open = false;
    }
}

/// <summary>A recorded state digest: a hash per section, the SHA-256 of every value, and the values when kept.</summary>
internal sealed record RecordedDigest(ulong[] Sections, byte[] Sha256, ulong[]? Values);
