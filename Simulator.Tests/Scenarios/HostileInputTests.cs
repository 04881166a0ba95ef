using Simulator.Scenarios;
using static Simulator.Tests.Scenarios.ScenarioText;

namespace Simulator.Tests.Scenarios;

/// <summary>Files that look valid or are built to hurt: each is refused with a located problem, quickly, never a crash or a hang.</summary>
public sealed class HostileInputTests
{
    [Test]
    public void Deep_nesting_is_refused_at_the_level_past_the_bound_instead_of_overflowing_the_stack()
    {
        // 200 KB of brackets: without the bound, building the tree recursed 100,000 times and killed the process.
        var text = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var result = Load(text);
        var problem = result.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Is.EqualTo("YAML nesting deeper than 64 levels of lists and mappings (see docs/reliability.md)"));

            // The top-level mapping is level 1, so the 64th '[' (column 7 + 63) opens level 65.
            Assert.That((problem.Line, problem.Column), Is.EqualTo((1, 70)));
        });
    }

    [Test]
    public void Nesting_within_the_bound_is_read_normally()
    {
        var text = With("horizon_hours: 100", "horizon_hours: 100\ndescription: " + new string('[', 60) + new string(']', 60));
        Assert.That(Problem(Load(text), "description must be a single value").Message, Is.EqualTo("description must be a single value, not a list"));
    }

    [Test]
    public void A_file_past_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"linesim-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(ScenarioBounds.MaxFileBytes + 1);
            }

            var problem = ScenarioLoader.Load(path).Problems.Single();
            Assert.That((problem.Line, problem.Column, problem.Message), Is.EqualTo((0, 0, "the file is 64.0 MB; scenario files may be at most 64.0 MB (see docs/reliability.md)")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("horizon_hours: 100", "horizon_hours: 1e308", "horizon_hours must be at most 100,000 (about 11 years; see docs/reliability.md), got 1e+308", "horizon_hours: »1e308", null)]
    [TestCase("horizon_hours: 100", "horizon_hours: 10000000", "horizon_hours must be at most 100,000 (about 11 years; see docs/reliability.md), got 1e+7", "horizon_hours: »10000000", null)]
    [TestCase("rate_per_hour: 10", "rate_per_hour: 1e9", "rate_per_hour must be at most 10,000 (every job is simulated; see docs/reliability.md), got 1e+9", "rate_per_hour: »1e9", "L1")]
    [TestCase("horizon_hours: 100", "horizon_hours: 100\nsample_every_hours: 0.000001", "sample_every_hours must be at least 0.01 (shorter cadences make millions of events; see docs/reliability.md), got 1e-6", "sample_every_hours: »0.000001", null)]
    [TestCase("horizon_hours: 100", "horizon_hours: 100000\nsample_every_hours: 0.1", "horizon_hours / sample_every_hours is 1,000,000 samples per run; at most 200,000 are kept (see docs/reliability.md)", "sample_every_hours: »0.1", null)]
    [TestCase("capacity_per_hour: 20\n", "capacity_per_hour: 1e300\n", "capacity_per_hour must be at most 1e+12 (larger values lose precision; see docs/reliability.md), got 1e+300", "capacity_per_hour: »1e300", "S1")]
    public void Values_past_the_documented_bounds_are_refused_where_they_are_written(string oldText, string newText, string message, string snippet, string? id) =>
        Expect(With(oldText, newText), message, snippet, id);

    [Test]
    public void An_id_with_a_trailing_newline_is_refused_and_shown_escaped()
    {
        var result = Load(With("- id: L1", "- id: \"L1\\n\""));
        var problem = Problem(result, "may only contain");
        Assert.Multiple(() =>
        {
            Assert.That(problem.Id, Is.EqualTo("L1<U+000A>"));
            Assert.That(problem.Message, Is.EqualTo("id 'L1<U+000A>' may only contain ASCII letters, digits, '-', '_' and '.', and must start with a letter or digit"));
            Assert.That(problem.Hint, Is.EqualTo("use an id like L1"));
            Assert.That(problem.ToString(), Does.Not.Contain("\n"));
        });
    }

    [Test]
    public void A_zero_width_character_in_an_id_is_shown_as_its_code_point_and_the_hint_drops_it()
    {
        var problem = Problem(Load(With("- id: L1", "- id: \"L\u200B1\"")), "may only contain");
        Assert.That((problem.Id, problem.Hint), Is.EqualTo(("L<U+200B>1", "use an id like L1")));
    }

    [Test]
    public void The_hint_for_an_emoji_id_is_a_valid_id()
    {
        var problem = Problem(Load(With("- id: L1", "- id: \"L1-😀\"")), "may only contain");
        Assert.That(problem.Hint, Is.EqualTo("use an id like L1"));
    }

    [Test]
    public void A_timestamp_with_a_trailing_newline_is_not_a_timestamp()
    {
        var result = Load(With("start: 2025-09-01T06:00:00+01:00", "start: \"2025-09-01T06:00:00+01:00\\n\""));
        Assert.Multiple(() =>
        {
            Assert.That(Problem(result, "start must be").Message, Is.EqualTo("start must be an ISO-8601 timestamp with an offset, not '2025-09-01T06:00:00+01:00<U+000A>'"));
            Assert.That(ScalarParsers.TryTimeOfDay("06:00\n", allowEndOfDay: false, out _), Is.False);
        });
    }

    [TestCase("SOL-A", "SOL-A")]
    [TestCase("a\u200Bb", "a<U+200B>b")]
    [TestCase("x\u202Ey", "x<U+202E>y")]
    [TestCase("tab\there", "tab<U+0009>here")]
    [TestCase("nbsp\u00A0", "nbsp<U+00A0>")]
    [TestCase("Grüße 😀", "Grüße 😀")]
    public void Printable_escapes_only_what_cannot_be_seen(string text, string expected) =>
        Assert.That(Printable.Escape(text), Is.EqualTo(expected));
}
