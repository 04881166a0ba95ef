namespace Simulator.Model.Specs;

/// <summary>
/// Options given to the library do not fit (an unknown policy, a count out of range, work past a limit, generator
/// settings that contradict each other): the user's input, to be reported as such. Any other exception from a run is a
/// bug or a failure of the machine.
/// </summary>
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>Creates the exception with the one-line message to show the user.</summary>
    public InvalidOptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the one-line message to show the user and the option it concerns.</summary>
    public InvalidOptionsException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>The message alone, without the parameter name .NET appends to argument exceptions.</summary>
    public override string Message => base.Message.Replace($" (Parameter '{ParamName}')", string.Empty, StringComparison.Ordinal);
}
