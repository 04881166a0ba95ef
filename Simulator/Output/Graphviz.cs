using System.ComponentModel;
using System.Diagnostics;

namespace Simulator.Output;

/// <summary>Lays out DOT text with Graphviz's <c>dot</c> (Debian: <c>apt-get install graphviz</c>) into SVG.</summary>
public static class Graphviz
{
    /// <summary>The program run; it must be on the PATH.</summary>
    public const string Program = "dot";

    /// <summary>How long a layout may take before it is given up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The SVG drawing of <paramref name="dot"/>, without the XML declaration and DOCTYPE so that it can be inlined in
    /// HTML. Graphviz's warnings are returned as problems; a missing <c>dot</c> or a failed layout throws.
    /// </summary>
    /// <exception cref="GraphvizUnavailableException"><c>dot</c> is not installed, failed or timed out.</exception>
    public static (string Svg, IReadOnlyList<string> Warnings) RenderSvg(string dot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dot);
        var start = new ProcessStartInfo(Program, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GraphvizUnavailableException("could not start Graphviz's dot");
        }
        catch (Win32Exception error)
        {
            throw new GraphvizUnavailableException($"Graphviz's '{Program}' is not installed or not on the PATH ({error.Message}); install it, e.g. apt-get install graphviz");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new GraphvizUnavailableException($"Graphviz's dot did not finish within {Timeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            var svg = output.GetAwaiter().GetResult();
            var warnings = errors.GetAwaiter().GetResult()
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0)
            {
                throw new GraphvizUnavailableException($"Graphviz's dot failed (exit {process.ExitCode}): {string.Join("; ", warnings)}");
            }

            return (Inlineable(svg), warnings);
        }
    }

    /// <summary>The SVG element itself: what precedes <c>&lt;svg</c> (declaration, DOCTYPE, comments) is dropped.</summary>
    internal static string Inlineable(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..];
    }
}

/// <summary>Graphviz is missing, failed or timed out.</summary>
public sealed class GraphvizUnavailableException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    public GraphvizUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GraphvizUnavailableException()
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public GraphvizUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
