using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProcedureReference.Rendering;

/// <summary>
/// Renders a section's Markdown to HTML once, at import. Raw HTML is off, and any link whose address is
/// not http(s), mailto or site-relative is turned into plain text, so page content can never run script.
/// The site's question-form sub-headings ('The medical condition or problem it addresses:') become quiet labels,
/// <c>&lt;p class="section-label"&gt;</c>: their words stay, but they no longer compete with the section's heading
/// in the page's outline.
/// </summary>
public static class SectionHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        Sanitise(document);
        // Markdig's pooled renderer: setting one up per section cost more than rendering it.
        return document.ToHtml(Pipeline);
    }

    /// <summary>One walk over the blocks (Markdig's Descendants iterators cost more than the parse here).</summary>
    private static void Sanitise(ContainerBlock container)
    {
        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case ContainerBlock inner:
                    Sanitise(inner);
                    break;
                case HeadingBlock heading:
                    Sanitise(heading.Inline);
                    container[i] = Label(heading);
                    break;
                case LeafBlock leaf:
                    Sanitise(leaf.Inline);
                    break;
            }
        }
    }

    private static ParagraphBlock Label(HeadingBlock heading)
    {
        var inline = heading.Inline;
        heading.Inline = null;
        var label = new ParagraphBlock { Inline = inline };
        label.GetAttributes().AddClass("section-label");
        return label;
    }

    private static void Sanitise(ContainerInline? container)
    {
        var inline = container?.FirstChild;
        while (inline is not null)
        {
            var next = inline.NextSibling;
            if (inline is LinkInline link && !IsSafe(link.Url)) Neutralise(link);
            else if (inline is ContainerInline inner) Sanitise(inner);
            inline = next;
        }
    }

    private static bool IsSafe(string? url) =>
        url is null
        || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || url.StartsWith('#')
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    private static void Neutralise(LinkInline link)
    {
        var text = new LiteralInline(link.Title ?? "");
        var label = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        text.Content = new Markdig.Helpers.StringSlice(label.Length > 0 ? label : link.Url ?? "");
        link.ReplaceBy(text);
    }
}
