using Spectre.Console;

namespace Simulator.Cli;

/// <summary>Where a command writes: tables and results on stdout, errors and progress on stderr.</summary>
internal sealed class CliSession
{
    private readonly object _gate = new();

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

    /// <summary>Writes one line to stderr.</summary>
    public void Error(string line)
    {
        lock (_gate)
        {
            Stderr.WriteLine(line);
        }
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
        if (ShowProgress)
        {
            lock (_gate)
            {
                Stderr.Write("\r\u001b[K");
            }
        }
    }
}
