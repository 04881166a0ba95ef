using CsCheck;
using Simulator.Scenarios;
using Simulator.Tests.Support;

namespace Simulator.Tests.Scenarios;

/// <summary>"Did you mean": the closest candidate within a few edits, found without aligning words that cannot be it.</summary>
public sealed class SuggestionsTests
{
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abAB-1"], 0, 12];

    [Test]
    public void The_closest_candidate_is_the_first_at_the_least_distance_within_the_allowance()
    {
        Gen.Select(Word, Word.Array[0, 8]).Sample(
            (word, candidates) =>
            {
                // Every candidate aligned, as the suggestion did before it skipped candidates of a too different length.
                var allowed = word.Length <= 3 ? 1 : word.Length <= 6 ? 2 : 3;
                var distances = candidates.Select(c => Suggestions.Distance(word.ToLowerInvariant(), c.ToLowerInvariant())).ToArray();
                var least = distances.Length == 0 ? int.MaxValue : distances.Min();
                var expected = least <= allowed ? candidates[Array.IndexOf(distances, least)] : null;

                Assert.That(Suggestions.Closest(word, candidates), Is.EqualTo(expected));
            },
            iter: PropertyRuns.Count(2000),
            print: t => $"'{t.Item1}' among [{string.Join(", ", t.Item2)}]");
    }

    [Test]
    public void The_distance_is_the_optimal_string_alignment_of_the_whole_table()
    {
        Gen.Select(Word, Word).Sample(
            (a, b) => Assert.That(Suggestions.Distance(a, b), Is.EqualTo(TableDistance(a, b))),
            iter: PropertyRuns.Count(2000),
            print: t => $"'{t.Item1}' / '{t.Item2}'");
        Assert.That(Suggestions.Distance("ab", "ba"), Is.EqualTo(1), "an adjacent swap is one edit");
        Assert.That(Suggestions.Distance(string.Empty, "abc"), Is.EqualTo(3));
    }

    [Test]
    public void A_word_longer_than_anyone_types_gets_no_suggestion()
    {
        // One edit away, so only the length keeps these apart (a 300 KB id once took 23 s to align with 2,000 part ids).
        Assert.That(Suggestions.Closest(new string('P', Suggestions.LongestWord + 1), [new string('P', Suggestions.LongestWord)]), Is.Null);
        Assert.That(Suggestions.Closest(new string('P', Suggestions.LongestWord), [new string('P', Suggestions.LongestWord - 1)]), Is.Not.Null);
    }

    /// <summary>The textbook table: every prefix of one word against every prefix of the other.</summary>
    private static int TableDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
