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
    public void A_word_longer_than_anyone_types_gets_no_suggestion()
    {
        // One edit away, so only the length keeps these apart (a 300 KB id once took 23 s to align with 2,000 part ids).
        Assert.That(Suggestions.Closest(new string('P', Suggestions.LongestWord + 1), [new string('P', Suggestions.LongestWord)]), Is.Null);
        Assert.That(Suggestions.Closest(new string('P', Suggestions.LongestWord), [new string('P', Suggestions.LongestWord - 1)]), Is.Not.Null);
    }
}
