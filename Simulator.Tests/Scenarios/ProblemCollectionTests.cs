using Simulator.Scenarios;
using static Simulator.Tests.Scenarios.ScenarioText;

namespace Simulator.Tests.Scenarios;

public sealed class ProblemCollectionTests
{
    [Test]
    public void Broken_yaml_gives_a_located_problem_not_an_exception()
    {
        var result = Load("plants: [unclosed\n  - : :\n");

        var problem = result.Problems.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Scenario, Is.Null);
            Assert.That(problem.Message, Does.StartWith("YAML syntax error"));
            Assert.That((problem.Line, problem.Column), Is.EqualTo((2, 5)));
            Assert.That(problem.Id, Is.Null);
            Assert.That(problem.Hint, Is.Not.Empty);
        }
    }

    [Test]
    public void Duplicate_yaml_key_is_a_syntax_error_at_the_second_key()
    {
        var yaml = With("horizon_hours: 100", "horizon_hours: 100\nhorizon_hours: 200");

        var problem = Load(yaml).Problems.Single();

        Assert.That(problem.Message, Does.Contain("Duplicate key"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo(Position(yaml, "100\n»horizon_hours: 200")));
    }

    [TestCase("plants:\n  - id: A\n    name: [\n    lines:\n", 3, 11, "this '[' or '{' is never closed", TestName = "Unclosed_bracket_before_block_lines")]
    [TestCase("calendars:\n  : id: two-shift\n", 2, 9, "YAML syntax error", TestName = "Key_indicator_without_key")]
    public void Parser_failures_outside_yaml_exceptions_are_problems(string yaml, int line, int column, string message)
    {
        // YamlDotNet throws InvalidOperationException or ArgumentException for these instead of a YamlException.
        var problem = Load(yaml).Problems.Single();

        Assert.That(problem.Message, Does.Contain(message));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((line, column)));
    }

    [TestCase("", "the file is empty", TestName = "Empty_file")]
    [TestCase("# only a comment\n", "the file is empty", TestName = "File_with_only_comments")]
    [TestCase("- a\n- b\n", "a scenario file must be a mapping, not a list", TestName = "Root_is_a_list")]
    [TestCase("hello\n", "a scenario file must be a mapping, not 'hello'", TestName = "Root_is_a_scalar")]
    [TestCase("name: a\n---\nname: b\n", "the file holds more than one YAML document", TestName = "Two_documents")]
    [TestCase("name: *nowhere\n", "YAML syntax error", TestName = "Unknown_alias")]
    public void Malformed_files_give_one_problem(string yaml, string message)
    {
        var result = Load(yaml);

        Assert.That(result.Problems.Single().Message, Does.Contain(message));
        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void Every_problem_of_a_file_is_reported_in_file_order()
    {
        var yaml = With("rate_per_hour: 10", "rate_per_hour: fast")
            .Replace("{ id: P2, kind: jit }", "{ id: P2, kind: jit, colour: red }", StringComparison.Ordinal)
            .Replace("quantity: 1d }", "quantity: -1 }", StringComparison.Ordinal)
            .Replace("targets: [EDI]", "targets: [EDX]", StringComparison.Ordinal)
            .Replace("start: 10", "start: 500", StringComparison.Ordinal)
            .Replace("tier: 2", "tier: 3", StringComparison.Ordinal);

        var result = Load(yaml);

        Assert.That(result.Problems.Select(p => p.Message[..Math.Min(p.Message.Length, 24)]), Is.EqualTo(new[]
        {
            "unknown key 'colour' in ",
            "rate_per_hour must be a ",
            "tier-3 supplier 'S2' shi",
            "quantity must be positiv",
            "unknown disruption targe",
            "disruption starts at hou",
        }));
        Assert.That(result.Problems.Select(p => p.Line), Is.Ordered);
        Assert.That(result.Errors.Count(), Is.EqualTo(5));
        Assert.That(result.Warnings.Count(), Is.EqualTo(1));
        Assert.That(result.Scenario, Is.Null);
    }

    [Test]
    public void A_misspelt_reference_is_reported_once_with_its_real_consequences_only()
    {
        // The lane's part is unknown, so the lane's from/to checks ("S1 does not make PP1", "L1 does not use PP1")
        // are skipped: they would only repeat the same mistake. That L1 now lacks P1 is a real consequence.
        var result = Load(With("to: L1, part: P1", "to: L1, part: PP1"));

        Assert.That(result.Problems.Select(p => p.Message), Is.EqualTo(new[]
        {
            "no lane delivers P1 to line 'L1'",
            "no lane ships P1 from supplier 'S1'",
            "unknown part 'PP1'",
        }));
        Assert.That(Problem(result, "unknown part").Hint, Is.EqualTo("did you mean 'P1'?"));
    }
}
