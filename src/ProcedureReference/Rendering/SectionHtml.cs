using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ProcedureReference.Rendering;

/// <summary>
/// Renders a section's Markdown to HTML once, at import. Raw HTML is off, and any link whose address is
/// not http(s), mailto or site-relative is turned into plain text, so page content can never run script.
/// </summary>
public static class SectionHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)).ToList())
            Neutralise(link);
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Clamp(heading.Level, 3, 6);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
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
