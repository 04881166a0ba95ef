using Simulator.Model.Specs;

namespace Simulator.Cli.Commands;

/// <summary>A library analysis called from a command: its stages on the progress line, options it refuses as invalid input.</summary>
internal static class LibraryCall
{
    /// <summary>Runs <paramref name="call"/>; an <see cref="InvalidOptionsException"/> becomes exit 2 with its message, and the progress line ends either way.</summary>
    public static T Run<T>(CliSession session, Func<IProgress<string>, T> call)
    {
        try
        {
            return call(new StageProgress(session));
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        finally
        {
            session.EndProgress();
        }
    }

    /// <summary>Shows the stage on the progress line.</summary>
    private sealed class StageProgress(CliSession session) : IProgress<string>
    {
        public void Report(string value) => session.Progress(value);
    }
}
