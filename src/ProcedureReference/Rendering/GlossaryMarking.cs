using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using ProcedureReference.Reading;

namespace ProcedureReference.Rendering;

/// <summary>A page's sections with the first use of each glossary term marked, and the terms the page uses.</summary>
public sealed record MarkedSections(IReadOnlyList<string> Html, IReadOnlyList<GlossaryEntry> Terms);

/// <summary>
/// Marks the first use of each glossary term on a page, in the sections' stored HTML (Markdig's output), as a
/// <c>&lt;dfn&gt;</c> holding a button that opens the definition in a popover: the HTML popover attribute opens it by
/// click, touch, Enter or Space and closes it by Escape or a tap elsewhere, with no script (the CSP allows none
/// inline). Only text between tags is touched, and never inside an element where a button or a definition would
/// break the HTML or the reading (a link, a heading, code, another button or dfn): there the term counts as used
/// but the next use outside is marked. Text, the matched words and definitions are encoded; tags are copied as they are.
/// </summary>
public static class GlossaryMarking
{
    /// <summary>Elements whose text is never marked.</summary>
    private static readonly HashSet<string> Unmarked = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "button", "dfn", "label", "summary", "select", "option", "code", "pre", "kbd", "samp", "var",
        "h1", "h2", "h3", "h4", "h5", "h6", "svg", "math", "title",
    };

    /// <summary>Elements whose content is not markup: copied through to their end tag.</summary>
    private static readonly string[] RawText = ["script", "style", "textarea"];

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <param name="sectionsHtml">Each section's HTML, in page order.</param>
    /// <param name="idPrefix">Starts the popovers' ids, which must not clash with the page's own.</param>
    public static MarkedSections Mark(IReadOnlyList<string> sectionsHtml, Glossary glossary, string idPrefix = "glossary-")
    {
        ArgumentNullException.ThrowIfNull(sectionsHtml);
        ArgumentNullException.ThrowIfNull(glossary);
        var state = new State(glossary, idPrefix);
        var marked = sectionsHtml.Select(state.MarkSection).ToList();
        return new MarkedSections(marked, state.Used);
    }

    private sealed class State(Glossary glossary, string idPrefix)
    {
        private readonly HashSet<GlossaryEntry> _used = [];
        private readonly HashSet<GlossaryEntry> _marked = [];
        private readonly List<GlossaryEntry> _inOrder = [];
        private int _count;

        public IReadOnlyList<GlossaryEntry> Used => _inOrder;

        public string MarkSection(string html)
        {
            if (glossary.Entries.Count == 0 || string.IsNullOrEmpty(html)) return html;
            var output = new StringBuilder(html.Length + 256);
            var open = new List<string>();
            var unmarkedDepth = 0;
            var at = 0;
            while (at < html.Length)
            {
                var lt = html.IndexOf('<', at);
                var textEnd = lt < 0 ? html.Length : lt;
                if (textEnd > at) MarkText(html[at..textEnd], unmarkedDepth > 0, output);
                if (lt < 0) break;

                var tagEnd = EndOfTag(html, lt);
                var tag = html[lt..tagEnd];
                output.Append(tag);
                at = tagEnd;
                if (tag.StartsWith("<!--", StringComparison.Ordinal) || tag.StartsWith("<!", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal))
                    continue;
                var closing = tag.StartsWith("</", StringComparison.Ordinal);
                var name = NameOf(tag, closing ? 2 : 1);
                if (name.Length == 0) continue;
                if (closing)
                {
                    var index = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                    if (index < 0) continue;
                    foreach (var closed in open.Skip(index)) if (Unmarked.Contains(closed)) unmarkedDepth--;
                    open.RemoveRange(index, open.Count - index);
                }
                else if (RawText.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    var end = html.IndexOf("</" + name, at, StringComparison.OrdinalIgnoreCase);
                    end = end < 0 ? html.Length : end;
                    output.Append(html, at, end - at);
                    at = end;
                }
                else if (!Void.Contains(name) && !tag.EndsWith("/>", StringComparison.Ordinal))
                {
                    open.Add(name);
                    if (Unmarked.Contains(name)) unmarkedDepth++;
                }
            }
            return output.ToString();
        }

        /// <summary>Copies a run of text, marking the first use of each term outside <paramref name="unmarked"/> elements.</summary>
        private void MarkText(string encoded, bool unmarked, StringBuilder output)
        {
            var text = WebUtility.HtmlDecode(encoded);
            var marks = new List<(int Index, int Length, GlossaryEntry Entry)>();
            foreach (var found in glossary.Find(text))
            {
                if (_used.Add(found.Entry)) _inOrder.Add(found.Entry);
                if (!unmarked && _marked.Add(found.Entry)) marks.Add(found);
            }
            if (marks.Count == 0)
            {
                output.Append(encoded); // untouched text keeps its own encoding
                return;
            }
            var from = 0;
            foreach (var (index, length, entry) in marks)
            {
                output.Append(HtmlEncoder.Default.Encode(text[from..index]));
                AppendMarked(text.Substring(index, length), entry, output);
                from = index + length;
            }
            output.Append(HtmlEncoder.Default.Encode(text[from..]));
        }

        private void AppendMarked(string words, GlossaryEntry entry, StringBuilder output)
        {
            var id = idPrefix + (++_count).ToString(CultureInfo.InvariantCulture);
            var encoder = HtmlEncoder.Default;
            output.Append("<dfn class=\"glossary-term\"><button type=\"button\" class=\"glossary-button\" popovertarget=\"")
                .Append(id).Append("\">").Append(encoder.Encode(words)).Append("</button></dfn>")
                .Append("<span class=\"glossary-definition\" id=\"").Append(id).Append("\" popover=\"auto\">")
                .Append("<strong>").Append(encoder.Encode(entry.Term)).Append("</strong>: ")
                .Append(encoder.Encode(entry.Definition)).Append("</span>");
        }
    }

    /// <summary>The index just past a tag's '>', quoted attribute values (which may hold '>') skipped; the end of the text if none.</summary>
    private static int EndOfTag(string html, int lt)
    {
        if (html.AsSpan(lt).StartsWith("<!--"))
        {
            var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }
        char? quote = null;
        for (var i = lt + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q)
            {
                if (c == q) quote = null;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return html.Length;
    }

    private static string NameOf(string tag, int start)
    {
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        return tag[start..end];
    }
}
