using Microsoft.AspNetCore.Html;
using ProcedureReference.Publishing;

namespace ProcedureReference.Web.Pages.Admin.Staging;

/// <summary>A diff line's text for the review page: encoded, with the changed words in &lt;del&gt; (removed) or &lt;ins&gt; (added).</summary>
public static class DiffHtml
{
    public static IHtmlContent Text(DiffLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var mark = line.Operation == DiffOperation.Added ? "ins" : "del";
        var html = new HtmlContentBuilder();
        foreach (var span in line.Spans)
        {
            if (span.Changed) html.AppendHtml($"<{mark}>").Append(span.Text).AppendHtml($"</{mark}>");
            else html.Append(span.Text);
        }
        return html;
    }
}
