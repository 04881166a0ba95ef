using YamlDotNet.Core;

namespace Simulator.Scenarios;

/// <summary>
/// A YAML text past one of the format's bounds on its shape (nesting deeper than
/// <see cref="ScenarioBounds.MaxNestingDepth"/>, aliases repeating values without end or past
/// <see cref="ScenarioBounds.MaxAliasedValues"/>), found while it is read and reported as the problem it names.
/// </summary>
internal sealed class BoundExceededException(Mark at, string message, string hint) : Exception(message)
{
    /// <summary>Where to look.</summary>
    public Mark At { get; } = at;

    public string Hint { get; } = hint;
}
