using Spectre.Console.Cli;

namespace Simulator.Cli;

/// <summary>The process exit codes, and the one place that decides which failure gets which (DESIGN.md section 7).</summary>
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
    public static (int Code, string? Message) Classify(Exception exception) => exception switch
    {
        OperationCanceledException => (Cancelled, "cancelled: no results were written"),
        InvalidInputException invalid => (InvalidInput, invalid.Message.Length == 0 ? null : invalid.Message),
        CommandAppException command => (InvalidInput, "error: " + OneLine(command.Message)),
        _ => (UnexpectedFailure, $"error: unexpected failure ({exception.GetType().Name}): {OneLine(exception.Message)}"),
    };

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
