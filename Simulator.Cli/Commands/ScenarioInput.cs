using Simulator.Model.Specs;

namespace Simulator.Cli.Commands;

/// <summary>Loading a scenario the same way in every command: every problem on stderr, invalid input means exit 2.</summary>
internal static class ScenarioInput
{
    /// <summary>The validated scenario; prints warnings and errors, and throws <see cref="InvalidInputException"/> when invalid.</summary>
    public static ScenarioSpec Load(ISimulatorBackend backend, CliSession session, string path, bool checkBaseline = false)
    {
        var load = backend.Load(path);
        if (checkBaseline)
        {
            load = backend.CheckBaseline(load);
        }

        foreach (var problem in load.Problems)
        {
            session.Error(problem.ToString());
        }

        if (!load.IsValid || load.Scenario is null)
        {
            // Every problem is already on stderr, one per line; nothing to add.
            throw new InvalidInputException(load.Problems.Count == 0 ? $"error: scenario '{path}' could not be loaded" : string.Empty);
        }

        return load.Scenario;
    }
}
