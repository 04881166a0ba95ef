using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;

namespace Simulator.Cli.Commands;

/// <summary>What <c>stress</c> and <c>merge</c> share: checking the results folder, the journal, and printing and writing the ranking.</summary>
internal static class StressOutput
{
    /// <summary>Refuses a results folder that cannot be written before any work is done.</summary>
    public static void EnsureWritable(string output, bool force)
    {
        try
        {
            ResultsWriter.EnsureWritable(output, force);
        }
        catch (IOException error) when (ResultsFolderInput.Refusal(error, output) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// Claims the results folder for the whole stress test (see <see cref="ResultsFolderClaim"/>): refused up front when
    /// it cannot be written or another run is writing into it.
    /// </summary>
    public static ResultsFolderClaim Claim(string output, bool force)
    {
        try
        {
            return ResultsFolderClaim.Acquire(output, force);
        }
        catch (IOException error) when (ResultsFolderInput.Refusal(error, output) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Starts or resumes the journal, turning a refusal into an invalid-input error.</summary>
    public static StressJournal OpenJournal(string output, StressShardManifest manifest, bool resume, bool force)
    {
        try
        {
            return StressJournal.Open(output, manifest, resume, force);
        }
        catch (StressJournalException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidInputException($"error: {error.Message} (hint: start over with --force)", error);
        }
    }

    /// <summary>Prints the ranking and writes the results folder.</summary>
    public static void Finish(
        CliSession session, ResultsFolderClaim claim, string output, StressTestResult result, RunManifest manifest, int top, CancellationToken cancellationToken, ScenarioSpec? scenario = null)
    {
        ExperimentExecution.Render(session, "ranking", CriticalityTable.Build(result, top));
        if (CriticalityTable.BuildByDuration(result, top) is { } byDuration)
        {
            ExperimentExecution.Render(session, "durations", byDuration);
        }

        if (CriticalityTable.BuildOptimum(result, top) is { } optimum)
        {
            ExperimentExecution.Render(session, "optimum", optimum);
        }

        CriticalityWriter.Write(claim, result, manifest, scenario, cancellationToken);
        session.WroteResults(output);
    }
}
