using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>One gate a disruption holds: which gate, how it is labelled in cause chains, its fallback and restore delay, whether it is a planned stop.</summary>
internal sealed record DisruptionEffect(Gate Gate, CauseLink Label, FallbackSpec? Fallback, double RestoreDelayHours, bool Planned = false);

/// <summary>
/// A disruption at runtime: at its start it holds every gate of its targets down, switches them to their manual
/// fallbacks after the activation delay, and releases them at its end (later for nodes in a delayed phase).
/// </summary>
internal sealed class DisruptionRun
{
    private readonly RunContext _ctx;
    private readonly IReadOnlyList<DisruptionEffect> _effects;
    private readonly IReadOnlyList<(LineRun Line, double Delay)> _lines;
    private readonly double _duration;
    private bool _ended;

    public DisruptionRun(RunContext ctx, DisruptionSpec spec, IReadOnlyList<DisruptionEffect> effects, IReadOnlyList<(LineRun Line, double Delay)> lines)
    {
        _ctx = ctx;
        Spec = spec;
        _effects = effects;
        _lines = lines;
        _duration = DurationSampler.Sample(spec.Duration, ctx.Streams.For($"disruption:{spec.Id}/duration"));
    }

    public DisruptionSpec Spec { get; }

    public IEnumerable<Event> Running()
    {
        var env = _ctx.Env;
        yield return env.Timeout(Spec.StartHours);
        var start = env.Now;
        var end = start + _duration;
        _ctx.FirstDisruptionStart = Math.Min(_ctx.FirstDisruptionStart, start);
        var lastRestore = end + _effects.Select(e => e.RestoreDelayHours).DefaultIfEmpty(0).Max();
        var lineEnds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (line, delay) in _lines)
        {
            lineEnds[line.Plan.Spec.Id] = end + delay;
        }

        _ctx.Windows.Add(new DisruptionWindow(Spec.Id, start, lastRestore, Spec.Targets, lineEnds));
        foreach (var (line, delay) in _lines)
        {
            line.DisruptionEnd = Math.Max(line.DisruptionEnd ?? double.NegativeInfinity, end + delay);
            line.RampOverride = Math.Max(line.RampOverride, Spec.Recovery.RampUpHours ?? 0);
        }

        var planned = Spec.Kind == DisruptionKind.PlannedStop;
        _ctx.Log(
            Spec.Id,
            planned ? EventKinds.PlannedStopStart : EventKinds.DisruptionStart,
            planned ? $"{string.Join(", ", Spec.Targets)} stopped by plan for {_duration:0.##} h" : $"{string.Join(", ", Spec.Targets)} down for {_duration:0.##} h");
        foreach (var effect in _effects)
        {
            effect.Gate.Hold(Key(effect), 0, effect.Label, effect.Planned);
            if (effect.Fallback is { } fallback && _ctx.Network.Policy.FallbackEnabled && fallback.ActivationHours < _duration)
            {
                env.Timeout(fallback.ActivationHours).AddCallback(_ => ActivateFallback(effect, fallback));
            }
        }

        yield return env.Timeout(_duration);
        _ended = true;
        _ctx.Log(
            Spec.Id,
            planned ? EventKinds.PlannedStopEnd : EventKinds.DisruptionEnd,
            planned ? $"{string.Join(", ", Spec.Targets)} back to work" : $"{string.Join(", ", Spec.Targets)} restored");
        foreach (var effect in _effects.Where(e => e.RestoreDelayHours <= 0))
        {
            effect.Gate.Release(Key(effect));
        }

        foreach (var group in _effects.Where(e => e.RestoreDelayHours > 0).GroupBy(e => e.RestoreDelayHours).OrderBy(g => g.Key))
        {
            var effects = group.ToList();
            env.Timeout(group.Key).AddCallback(_ =>
            {
                foreach (var effect in effects)
                {
                    effect.Gate.Release(Key(effect));
                }

                _ctx.Log(Spec.Id, EventKinds.PhaseRestored, string.Join(", ", effects.Select(e => e.Gate.Entity).Distinct()));
            });
        }
    }

    private string Key(DisruptionEffect effect) => $"{Spec.Id}|{effect.Label.Kind}|{effect.Label.Id}|{effect.Label.Function}";

    private void ActivateFallback(DisruptionEffect effect, FallbackSpec fallback)
    {
        if (_ended)
        {
            return;
        }

        effect.Gate.Hold(Key(effect), fallback.CapacityFraction, effect.Label with { ManualFallback = true });
        _ctx.Log(effect.Gate.Entity, EventKinds.FallbackActive, CauseChain.Of(effect.Label), $"at {fallback.CapacityFraction:P0}");
    }
}
