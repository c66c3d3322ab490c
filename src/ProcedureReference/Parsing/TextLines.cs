using System.Text.RegularExpressions;

namespace ProcedureReference.Parsing;

/// <summary>Line-level facts about page text: blank lines, list items, sub-headings.</summary>
public static partial class TextLines
{
    /// <summary>Splits text into lines with CRLF, CR and a BOM handled, and trailing spaces trimmed.</summary>
    public static string[] Split(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n')
            .Select(l => l.TrimEnd())
            .ToArray();
    }

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    public static string WithoutTrailingColon(string line) => line.Trim().TrimEnd(':').TrimEnd();

    /// <summary>A bulleted item ('  • Nurse', '- Nurse'): the item text, else null.</summary>
    public static string? BulletItem(string line)
    {
        var m = BulletPattern().Match(line);
        return m.Success ? m.Groups[1].Value.Trim() : null;
    }

    /// <summary>A numbered step ('  1. The patient lies down'): its number and text, else null.</summary>
    public static (string Number, string Text)? NumberedItem(string line)
    {
        var m = NumberedPattern().Match(line);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : null;
    }

    public static bool IsListItem(string line) => BulletItem(line) is not null || NumberedItem(line) is not null;

    /// <summary>
    /// A sub-heading inside a section: one the rule table lists, or a short line that ends with a colon
    /// and is not a list item ('Pre-procedure instructions for the patient:').
    /// </summary>
    public static bool IsSubHeading(string line)
    {
        var text = line.Trim();
        if (SectionRules.MatchSubHeading(text) is not null) return true;
        return text.Length is > 1 and <= 120 && text.EndsWith(':') && !IsListItem(line) && char.IsLetter(text[0]);
    }

    /// <summary>The text a line carries, without list markers or indentation.</summary>
    public static string Content(string line) =>
        BulletItem(line) ?? NumberedItem(line)?.Text ?? line.Trim();

    [GeneratedRegex(@"^\s*[•·●▪◦‣\-\*–]\s+(\S.*)$")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^\s*([0-9]{1,3})[.)]\s+(\S.*)$")]
    private static partial Regex NumberedPattern();
}
