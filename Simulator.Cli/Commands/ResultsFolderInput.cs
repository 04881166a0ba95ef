using Simulator.Output;

namespace Simulator.Cli.Commands;

/// <summary>Which failures to open a results folder are the user's argument (exit 2) rather than the machine's.</summary>
internal static class ResultsFolderInput
{
    /// <summary>The invalid-input error for <paramref name="error"/>, or null when it is a real I/O failure.</summary>
    public static InvalidInputException? Refusal(IOException error, string output) => error switch
    {
        ResultsFolderRefusedException refused => new InvalidInputException($"error: {refused.Message} (hint: {refused.Hint})", refused),

        // --out names a file: the user's argument, not a failure of the machine.
        _ when File.Exists(output) => new InvalidInputException($"error: {error.Message} (hint: --out takes a folder; choose another path)", error),
        _ => null,
    };
}
