using System.Globalization;
using System.Text;

namespace Simulator.Scenarios;

/// <summary>Text from a scenario file made safe to show on one line: invisible and control characters as <c>&lt;U+200B&gt;</c>.</summary>
public static class Printable
{
    /// <summary>
    /// <paramref name="text"/> with every control, format (zero-width, direction marks), line or paragraph separator,
    /// non-space blank, private-use, unassigned and lone surrogate character replaced by its code point, e.g.
    /// <c>SOL-A&lt;U+000A&gt;</c>; other text is unchanged.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscaping(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(text[i], text[i + 1]);
                if (IsHidden(Rune.GetUnicodeCategory(rune)))
                {
                    result.Append(CodePoint(rune.Value));
                }
                else
                {
                    result.Append(text, i, 2);
                }

                i++;
            }
            else if (char.IsSurrogate(text[i]) || IsHidden(char.GetUnicodeCategory(text[i])) || IsOtherBlank(text[i]))
            {
                result.Append(CodePoint(text[i]));
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x7f || c < 0x20)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHidden(UnicodeCategory category) => category is UnicodeCategory.Control
        or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.Surrogate;

    private static bool IsOtherBlank(char c) => c != ' ' && char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    private static string CodePoint(int value) => "<U+" + value.ToString("X4", CultureInfo.InvariantCulture) + ">";
}
