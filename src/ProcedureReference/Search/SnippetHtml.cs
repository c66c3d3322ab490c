using System.Text;

namespace ProcedureReference.Search;

/// <summary>
/// Turns an FTS5 snippet into safe HTML. The index holds raw page text (which may contain '&lt;script&gt;'), so
/// snippet() is asked to mark matches with control characters that HTML encoding leaves alone; the text is
/// encoded and only then are the markers turned into &lt;mark&gt; tags. A marker character already in the page
/// text cannot unbalance the tags: marks open only when closed and close only when open, and one left open is
/// closed at the end.
/// </summary>
internal static class SnippetHtml
{
    public const char Open = '\u0001';
    public const char Close = '\u0002';

    /// <summary>The SQL literals for the markers, for snippet() calls.</summary>
    public const string OpenSql = "char(1)";
    public const string CloseSql = "char(2)";

    /// <summary>Shown between list items, which are separate lines in the index but run together in a snippet.</summary>
    private const string LineBreak = " · ";

    public static string Render(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet)) return "";
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var lastWasBreak = false;
        foreach (var c in snippet)
        {
            var isBreak = c is '\n' or '\r';
            if (isBreak && !lastWasBreak) html.Append(LineBreak);
            lastWasBreak = isBreak;
            if (isBreak) continue;

            switch (c)
            {
                case Open when !open: html.Append("<mark>"); open = true; break;
                case Close when open: html.Append("</mark>"); open = false; break;
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\t': html.Append(' '); break;
                case var other when char.IsControl(other): break;
                default: html.Append(c); break;
            }
        }
        if (open) html.Append("</mark>");
        return html.ToString().Trim();
    }

    /// <summary>The distinct words marked in a snippet and the number of marks: how well it matches the query.</summary>
    public static (int Distinct, int Marks) Matches(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet)) return (0, 0);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var marks = 0;
        for (var start = snippet.IndexOf(Open, StringComparison.Ordinal); start >= 0; start = snippet.IndexOf(Open, start + 1))
        {
            var end = snippet.IndexOf(Close, start + 1);
            if (end < 0) break;
            words.Add(snippet[(start + 1)..end]);
            marks++;
        }
        return (words.Count, marks);
    }

    /// <summary>The first words of a text, encoded: the snippet of a page found by its code alone.</summary>
    public static string Lead(string? text, int words = 24)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var parts = text.Split((char[]?)null, words + 1, StringSplitOptions.RemoveEmptyEntries);
        var lead = string.Join(' ', parts.Take(words)) + (parts.Length > words ? "…" : "");
        // Nothing is marked in a lead: marker characters in the page text are dropped, not turned into tags.
        return Render(lead.Replace(Open, ' ').Replace(Close, ' '));
    }
}
