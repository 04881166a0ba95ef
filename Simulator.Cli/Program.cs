using System.Runtime.InteropServices;

namespace Simulator.Cli;

/// <summary>Process entry: wires Ctrl+C, SIGTERM and SIGHUP to cancellation and the real console to the command line app.</summary>
internal static class Program
{
    /// <summary>Runs the command line; the return value is the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();

        // Let the run stop cleanly (no half-written results, no hidden temporary folder) instead of the runtime killing
        // the process: Ctrl+C, `kill`, a closed terminal and a stopped service all end the same way, with exit 130.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, cancellation));
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Cancel(context, cancellation));
        var session = new CliSession(Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected, showProgress: CliSession.ProgressWanted(Console.IsErrorRedirected, System.Environment.GetEnvironmentVariable));
        return CliApp.Run(args, session, new LibraryBackend(), cancellation.Token);
    }

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}
