using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

/// <summary>Whatever the text, the loader answers with a scenario or located problems, never an exception.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Junk =
    [
        string.Empty, "x", "-1", "[", "]", "{", "}", ":", "- ", "  ", "0", "~", "\"", "&a", "*a", "null", "[]", "{}",
        "24:00", "1e309", "NaN", "T1-SEATS", "MID-A", "SEAT", "2d", "{ dist: normal }", "true",
    ];

    [Test]
    public void Mutated_quickstart_never_throws_and_every_problem_is_located()
    {
        var lines = File.ReadAllText(RepositoryFiles.PathOf("scenarios", "quickstart.yaml")).Split('\n');
        var random = new Random(20250901);
        for (var i = 0; i < 250; i++)
        {
            var copy = (string[])lines.Clone();
            for (var k = random.Next(1, 5); k > 0; k--)
            {
                Mutate(copy, random);
            }

            var text = string.Join('\n', copy);
            var result = ScenarioLoader.Parse(text, "fuzz.yaml");

            Assert.That(result.IsValid || result.Errors.Any(), Is.True, text);
            Assert.That(result.Problems.All(p => p.Line >= 1 && p.Column >= 1), Is.True, () => string.Join("\n", result.Problems));
        }
    }

    private static void Mutate(string[] lines, Random random)
    {
        var at = random.Next(lines.Length);
        var line = lines[at];
        switch (random.Next(4))
        {
            case 0:
                lines[at] = string.Empty;
                break;
            case 1 when line.Length > 0:
                var column = random.Next(line.Length);
                lines[at] = line.Remove(column, 1).Insert(column, Junk[random.Next(Junk.Length)]);
                break;
            case 2 when line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0:
                lines[at] = line[..(colon + 2)] + Junk[random.Next(Junk.Length)];
                break;
            default:
                lines[at] = lines[random.Next(lines.Length)];
                break;
        }
    }
}
