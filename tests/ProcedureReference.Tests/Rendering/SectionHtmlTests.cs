using ProcedureReference.Parsing;
using ProcedureReference.Rendering;

namespace ProcedureReference.Tests.Rendering;

public class SectionHtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Page_text_that_looks_like_markup_renders_inert(string pageLine)
    {
        var markdown = MarkdownWriter.Write([pageLine, "  • " + pageLine]);

        var html = SectionHtml.Render(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(pageLine).Replace("&#39;", "'", StringComparison.Ordinal)[..5], html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_and_unsafe_links_in_markdown_itself_are_neutralised()
    {
        // Markdown not written by the parser (a later editor, a migration) is still rendered safely.
        var html = SectionHtml.Render("<b>bold</b> [x](javascript:alert(1)) [ok](https://example.org) [site](/codes/37188)");

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/codes/37188\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_steps_and_sub_headings_keep_their_structure()
    {
        var markdown = MarkdownWriter.Write(["Step-by-step explanation:", "  1. First", "  2. Second", "", "Tools:", "  • Catheter"]);

        var html = SectionHtml.Render(markdown);

        Assert.Contains("<p class=\"section-label\">Step-by-step explanation:</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>First</li>\n<li>Second</li>\n</ol>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>Catheter</li>\n</ul>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("### The medical condition or problem it addresses:\n\nBlood clots in the veins.", "The medical condition or problem it addresses:")]
    [InlineData("# A heading someone wrote\n\nText.", "A heading someone wrote")]
    [InlineData("###### Deep \\<b\\> heading\n\nText.", "Deep &lt;b&gt; heading")]
    public void Sub_headings_become_quiet_labels_with_every_word_kept_and_no_heading_left(string markdown, string label)
    {
        var html = SectionHtml.Render(markdown);

        Assert.DoesNotMatch("<h[1-6]", html);
        Assert.Contains($"<p class=\"section-label\">{label}</p>", html, StringComparison.Ordinal);
    }
}
