namespace Simulator.Scenarios;

/// <summary>"Did you mean" suggestions for misspelt keys, ids and enum values.</summary>
internal static class Suggestions
{
    /// <summary>Longest word a suggestion is looked for: typos are made in what people type, not in kilobytes of text.</summary>
    public const int LongestWord = 100;

    /// <summary>The candidate closest to <paramref name="word"/>, or null when none is close enough to be a typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        // A 300 KB id aligned with each of 2,000 part ids took 23 s; past this length none is looked for.
        if (word.Length > LongestWord)
        {
            return null;
        }

        // Short words are all near each other ("id" is two edits from "to"), so the allowance grows with length.
        var allowed = word.Length <= 3 ? 1 : word.Length <= 6 ? 2 : 3;
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length, so a candidate farther than that can never be chosen.
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>A hint naming the closest candidate, or listing them all when none is close.</summary>
    public static string DidYouMean(string word, IReadOnlyCollection<string> candidates, string listIntro)
    {
        var closest = Closest(word, candidates);
        if (closest is not null)
        {
            return $"did you mean '{closest}'?";
        }

        if (candidates.Count == 0)
        {
            return listIntro.TrimEnd(':', ' ') + ": none";
        }

        // Long lists of ids help nobody; the first few show the naming pattern.
        const int shown = 12;
        var list = string.Join(", ", candidates.Take(shown));
        return candidates.Count > shown ? $"{listIntro} {list}, ..." : $"{listIntro} {list}";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        // Three rows of the alignment table (a swap looks two rows back), on the stack for the short words it is
        // asked about: a report with thousands of unknown references aligns each with every id of its kind.
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 768 ? stackalloc int[width * 3] : new int[width * 3];
        int twoBack = 0, oneBack = width, current = 2 * width;
        for (var j = 0; j < width; j++)
        {
            rows[oneBack + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[oneBack + j] + 1, rows[current + j - 1] + 1), rows[oneBack + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[twoBack + j - 2] + 1);
                }

                rows[current + j] = value;
            }

            (twoBack, oneBack, current) = (oneBack, current, twoBack);
        }

        return rows[oneBack + b.Length];
    }
}
