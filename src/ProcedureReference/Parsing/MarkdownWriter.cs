using System.Text;
using System.Text.RegularExpressions;

namespace ProcedureReference.Parsing;

/// <summary>
/// Writes a section's lines as Markdown: bullets as a bulleted list, numbered steps as a numbered list,
/// sub-headings as '###' headings, every other line as its own paragraph. Page text is escaped so that
/// whatever looks like Markdown or HTML in it ('&lt;script&gt;', '[x](javascript:...)') stays literal text.
/// </summary>
public static partial class MarkdownWriter
{
    private enum Shape { None, Paragraph, Bullet, Numbered, SubHeading }

    public static string Write(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        var last = Shape.None;
        foreach (var raw in lines)
        {
            if (raw.Length == 0) continue;
            var (shape, text) = Classify(raw);
            // Lists stay tight; everything else is separated by a blank line so no block runs into another.
            var sameList = shape == last && shape is Shape.Bullet or Shape.Numbered;
            if (last != Shape.None && !sameList) sb.Append('\n');
            sb.Append(shape switch
            {
                Shape.SubHeading => "### " + Escape(text),
                Shape.Bullet => "- " + Escape(text),
                Shape.Numbered => text,
                _ => Escape(text),
            }).Append('\n');
            last = shape;
        }
        return sb.ToString().TrimEnd('\n');
    }

    private static (Shape, string) Classify(string line)
    {
        if (TextLines.BulletItem(line) is { } bullet) return (Shape.Bullet, bullet);
        if (TextLines.NumberedItem(line) is { } step) return (Shape.Numbered, $"{step.Number}. {Escape(step.Text)}");
        if (TextLines.IsSubHeading(line)) return (Shape.SubHeading, line.Trim());
        return (Shape.Paragraph, line.Trim());
    }

    /// <summary>Backslash-escapes what Markdown would read as syntax, so the text renders as written.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '#' or '!') sb.Append('\\');
            sb.Append(c);
        }
        var escaped = sb.ToString();
        // Characters that only mean something at the start of a line: list markers, setext and thematic breaks.
        if (escaped.Length > 0 && escaped[0] is '-' or '+' or '=') return "\\" + escaped;
        var ordered = LeadingOrderedMarker().Match(escaped);
        return ordered.Success ? escaped.Insert(ordered.Length - 1, "\\") : escaped;
    }

    /// <summary>Undoes <see cref="Escape"/>: the literal text a Markdown line carries.</summary>
    public static string Unescape(string markdown) => EscapedChar().Replace(markdown, "$1");

    /// <summary>The text of Markdown this writer wrote, without list markers or heading marks: what search indexes.</summary>
    public static string PlainText(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        foreach (var line in markdown.Split('\n'))
        {
            if (line.Length == 0) continue;
            var text = line.StartsWith("### ", StringComparison.Ordinal) ? line[4..]
                : line.StartsWith("- ", StringComparison.Ordinal) ? line[2..]
                : ListMarker().Replace(line, "");
            sb.Append(Unescape(text)).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    [GeneratedRegex(@"^[0-9]{1,9}\. ")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^[0-9]{1,9}[.)]")]
    private static partial Regex LeadingOrderedMarker();

    [GeneratedRegex(@"\\([\\`*_\[\]<>|~&#!\-+=.)])")]
    private static partial Regex EscapedChar();
}
