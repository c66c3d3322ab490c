namespace ProcedureReference.Parsing;

/// <summary>
/// Headings of a page in a layout the rule table does not know ('What is it?', 'How should I prepare?'):
/// a short line standing alone between blank lines that does not read as a sentence.
/// </summary>
internal static class UnknownLayoutHeadings
{
    private const int MaxLength = 80;
    private const int MaxWords = 10;
    // Leaflets ask longer questions ('Will I need to do anything to prepare for the test?' is 11 words); a line
    // that ends with a question mark is a heading, not a sentence, up to this many words.
    private const int MaxQuestionWords = 14;

    public static bool IsHeading(IReadOnlyList<string> lines, int i, int bodyStart)
    {
        var text = lines[i].Trim();
        if (text.Length is 0 or > MaxLength || TextLines.IsListItem(lines[i])) return false;
        if (!char.IsLetter(text[0]) || !char.IsUpper(text[0])) return false;
        if (text[^1] is '.' or ',' or ';' or ':') return false;
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > (text[^1] == '?' ? MaxQuestionWords : MaxWords)) return false;
        var blankBefore = i == bodyStart || TextLines.IsBlank(lines[i - 1]);
        var hasFollowingText = Enumerable.Range(i + 1, lines.Count - i - 1).Any(j => !TextLines.IsBlank(lines[j]));
        return blankBefore && (hasFollowingText || SectionRules.MatchHeading(text) is not null);
    }

    /// <summary>
    /// The kind a heading maps to: one of the table's headings, else the kind its cue words ask about
    /// ('Why it's done', 'How you prepare'), else Other.
    /// </summary>
    public static SectionKind KindOf(string heading) =>
        SectionRules.MatchHeading(heading) ?? HeadingMeaning.Of(heading) ?? SectionKind.Other;
}
