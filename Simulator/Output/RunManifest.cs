using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Output;

/// <summary>What <c>run.json</c> records about a run, so a result folder says how to reproduce it.</summary>
/// <param name="ToolVersion">Informational version of the simulator that produced the results.</param>
/// <param name="ScenarioPath">Scenario file as given on the command line, or null when built in code.</param>
/// <param name="ScenarioSha256">Lower-case hex SHA-256 of the scenario file's bytes, or null without a file.</param>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="Policies">Policies run, in run order.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="Replications">Replications per policy.</param>
/// <param name="HorizonHours">Simulated hours.</param>
/// <param name="CommandLine">The command line that started the run.</param>
/// <param name="StartedAt">Wall-clock time the run started.</param>
/// <param name="WallTimeSeconds">Seconds the simulation took, before writing results.</param>
/// <param name="ProcessedEvents">Kernel events processed over every disrupted and baseline run.</param>
public sealed record RunManifest(
    string ToolVersion,
    string? ScenarioPath,
    string? ScenarioSha256,
    string ScenarioName,
    IReadOnlyList<string> Policies,
    ulong Seed,
    int Replications,
    double HorizonHours,
    string CommandLine,
    DateTimeOffset StartedAt,
    [property: JsonPropertyName("wall_time_s")] double WallTimeSeconds,
    long ProcessedEvents)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,

        // The file is read by people and scripts, never embedded in HTML: keep '+' and quotes legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The informational version of this library, the version users see in <c>--version</c>.</summary>
    public static string CurrentToolVersion { get; } =
        typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The manifest as indented JSON with snake_case names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";
}
