using Simulator.Cli.Commands;
using Simulator.Output;
using Spectre.Console;

namespace Simulator.Cli;

/// <summary>Where a command writes: tables and results on stdout, errors and progress on stderr.</summary>
internal sealed class CliSession
{
    private readonly object _gate = new();

    private ProgressBar? _bar;
    private IAnsiConsole? _errorConsole;

    /// <summary>Creates a session over two writers; progress shows only where a person is watching stderr.</summary>
    public CliSession(TextWriter stdout, TextWriter stderr, bool outputIsTerminal, bool showProgress)
    {
        Stdout = stdout;
        Stderr = stderr;
        ShowProgress = showProgress;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = outputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = outputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!outputIsTerminal)
        {
            // A redirected table goes to a file or a pipe: fit the 120 columns of a wide terminal or a log viewer.
            Console.Profile.Width = TableWidth;
        }
    }

    /// <summary>Columns a table is fitted to when stdout is not a terminal.</summary>
    public const int TableWidth = 120;

    /// <summary>Standard output as a Spectre console, for tables and help.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Whether progress lines are shown on stderr.</summary>
    public bool ShowProgress { get; }

    /// <summary>The arguments the app was started with, for the run manifest.</summary>
    public IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>What goes to stdout for the command being run (set by <see cref="BeginCommand"/>).</summary>
    public OutputFormat Format { get; private set; } = OutputFormat.Table;

    /// <summary>What a script gets on stdout instead of tables and messages, with <c>--format csv|json</c>; null for a table.</summary>
    public ConsoleDocument? Document { get; private set; }

    /// <summary>Starts a command whose results go to stdout as <paramref name="format"/>.</summary>
    public void BeginCommand(string command, OutputFormat format)
    {
        Format = format;
        Document = format == OutputFormat.Table ? null : new ConsoleDocument(command);
    }

    /// <summary>A line for people: on stdout under the tables, or on stderr (and in the document) when stdout is for a script.</summary>
    public void Say(string line)
    {
        if (Document is null)
        {
            Stdout.WriteLine(line);
            return;
        }

        Document.Say(line);
        Error(line);
    }

    /// <summary>Says where the results went, and records the folder in the document.</summary>
    public void WroteResults(string folder)
    {
        Document?.Results = folder;
        Say($"results written to {folder}");
    }

    /// <summary>Writes the document to stdout, once, when the command succeeded with <c>--format csv|json</c>.</summary>
    public void FinishCommand(int exitCode)
    {
        if (Document is not { } document || exitCode != ExitCodes.Success)
        {
            return;
        }

        Document = null;
        if (Format == OutputFormat.Csv)
        {
            document.WriteCsv(Stdout);
        }
        else
        {
            document.WriteJson(Stdout);
        }
    }

    /// <summary>Marks the command's stdout as written by the command itself (validate writes its problems either way).</summary>
    public void DocumentWritten() => Document = null;

    /// <summary>Writes one line to stderr.</summary>
    public void Error(string line)
    {
        lock (_gate)
        {
            Stderr.WriteLine(line);
        }
    }

    /// <summary>
    /// Whether progress is drawn: only for a person watching stderr on a terminal, never when stderr goes to a file or a
    /// pipe, in CI (<c>CI</c> set, as every CI service does) or on a terminal that cannot move the cursor (<c>TERM=dumb</c>).
    /// </summary>
    public static bool ProgressWanted(bool stderrRedirected, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var ci = environment("CI");
        return !stderrRedirected
            && (string.IsNullOrEmpty(ci) || ci.Equals("false", StringComparison.OrdinalIgnoreCase) || ci == "0")
            && environment("TERM") != "dumb";
    }

    /// <summary>
    /// Starts a progress bar of <paramref name="total"/> steps (a running count when null) on stderr, when progress is
    /// shown; <see cref="EndProgress"/> removes it. Returns what the work reports its steps done to.
    /// </summary>
    public IProgress<int> StartProgress(string description, int? total)
    {
        if (!ShowProgress)
        {
            return new Progress<int>();
        }

        EndProgress();
        _errorConsole ??= AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Stderr),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        _bar = new ProgressBar(_errorConsole, description, total);
        return _bar;
    }

    /// <summary>Rewrites the progress line on stderr, when progress is shown.</summary>
    public void Progress(string line)
    {
        if (!ShowProgress)
        {
            return;
        }

        lock (_gate)
        {
            Stderr.Write("\r" + line + "\u001b[K");
        }
    }

    /// <summary>Ends the progress line so that later output starts on a fresh line.</summary>
    public void EndProgress()
    {
        if (_bar is { } bar)
        {
            _bar = null;
            bar.Dispose();
        }

        if (ShowProgress)
        {
            lock (_gate)
            {
                Stderr.Write("\r\u001b[K");
            }
        }
    }
}
