namespace Simulator.Cli;

/// <summary>SimProcess entry: wires Ctrl+C to cancellation and the real console to the command line app.</summary>
internal static class Program
{
    /// <summary>Runs the command line; the return value is the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();

        // Let the run stop cleanly (no half-written results) instead of the runtime killing the process.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var session = new CliSession(Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected, showProgress: !Console.IsErrorRedirected);
        return CliApp.Run(args, session, new LibraryBackend(), cancellation.Token);
    }
}
