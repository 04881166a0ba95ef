using Simulator.Model.Specs;
using Spectre.Console.Cli;

namespace Simulator.Cli;

/// <summary>The process exit codes, and the one place that decides which failure gets which (docs/architecture.md, Contracts).</summary>
internal static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>A bug or an environment failure: disk full, missing native library.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>Bad scenario or bad arguments: the user can fix it.</summary>
    public const int InvalidInput = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code of a failure, and the one line to print for it (null when it was already reported).</summary>
    /// <remarks>
    /// Only input the user can fix is exit 2: <see cref="InvalidInputException"/> from the commands and
    /// <see cref="InvalidOptionsException"/> from the library. Anything else is a bug or the machine (exit 1), never
    /// "your input", even when it is an <see cref="ArgumentException"/>. A parallel loop's <see cref="AggregateException"/>
    /// is judged by what it wraps, so a failure is reported the same in <c>stress</c> as in <c>run</c>.
    /// </remarks>
    public static (int Code, string? Message) Classify(Exception exception) => Unwrap(exception) switch
    {
        OperationCanceledException => (Cancelled, "cancelled: no results were written"),
        InvalidInputException invalid => (InvalidInput, invalid.Message.Length == 0 ? null : invalid.Message),
        InvalidOptionsException options => (InvalidInput, "error: " + OneLine(options.Message)),
        CommandAppException command => (InvalidInput, "error: " + OneLine(command.Message)),

        // The machine, not the tool: a full disk or a folder without write permission needs no bug report.
        IOException or UnauthorizedAccessException => (UnexpectedFailure, $"error: {OneLine(Unwrap(exception).Message)} (no results were written)"),
        var other => (UnexpectedFailure,
            $"error: internal error ({other.GetType().Name}): {OneLine(other.Message)}\n"
            + "this is a bug in linesim, please report it with the scenario and the command line; set LINESIM_DEBUG=1 to print the trace"),
    };

    /// <summary>The failure an aggregate stands for: its only inner exception, or a cancellation when every part was cancelled.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException aggregate)
        {
            var inner = aggregate.Flatten().InnerExceptions;
            if (inner.Count == 0)
            {
                return exception;
            }

            if (inner.All(e => e is OperationCanceledException))
            {
                return inner[0];
            }

            // Several replications failing at once fail for one reason; the first real one is reported.
            exception = inner.FirstOrDefault(e => e is not OperationCanceledException) ?? inner[0];
        }

        return exception;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>Input the user can correct: the message is printed as one line and the exit code is <see cref="ExitCodes.InvalidInput"/>.</summary>
internal sealed class InvalidInputException : Exception
{
    /// <summary>An error with the whole line to print; an empty message means the problems were already printed.</summary>
    public InvalidInputException(string message)
        : base(message)
    {
    }

    /// <summary>Wraps the library's rejection of an argument.</summary>
    public InvalidInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
