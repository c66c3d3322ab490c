namespace ProcedureReference.Parsing;

/// <summary>
/// The kind a heading of a page in another layout asks about, from the rule table's heading cues
/// ('How you prepare', 'Will I need to do anything to prepare?' are preparation; 'Are there any risks?' risks).
/// A cue matches at the start of a word ('prepar' in 'preparing'). When several match, the cue that ends last
/// wins: a question heading ends with what it asks about ('What to expect after surgery' is recovery, 'Why do I
/// need a venogram?' indications, 'What is it used for?' purpose), its opening words ('what is', 'why') being
/// the general question.
/// </summary>
public static class HeadingMeaning
{
    private static readonly (string Cue, SectionKind Kind)[] Cues = SectionRules.InCanonicalOrder
        .SelectMany(r => (r.HeadingCues ?? []).Select(c => (c, r.Kind)))
        .ToArray();

    /// <summary>The kind the heading's last cue names, or null when no cue of the table is in it.</summary>
    public static SectionKind? Of(string heading)
    {
        var text = Normalize(heading);
        SectionKind? best = null;
        var (bestEnd, bestLength) = (-1, 0);
        foreach (var (cue, kind) in Cues)
        {
            for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && IsWordChar(text[at - 1])) continue;
                var end = WordEnd(text, at + cue.Length);
                if (end > bestEnd || (end == bestEnd && cue.Length > bestLength))
                    (best, bestEnd, bestLength) = (kind, end, cue.Length);
            }
        }
        return best;
    }

    /// <summary>Every heading cue of the table with its kind.</summary>
    public static IEnumerable<(string Cue, SectionKind Kind)> All => Cues;

    // Lower case, one kind of apostrophe and single spaces, so that 'Why it’s done' and 'why  it's done' read alike.
    private static string Normalize(string heading) =>
        string.Join(' ', heading.ToLowerInvariant().Replace('\u2019', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    private static int WordEnd(string text, int from)
    {
        while (from < text.Length && IsWordChar(text[from])) from++;
        return from;
    }
}
