using System.Xml.Linq;
using ProcedureReference.Reading;
using ProcedureReference.Rendering;

namespace ProcedureReference.Tests.Rendering;

/// <summary>Marking glossary terms in stored section HTML: first use only, never where it would break the HTML.</summary>
public sealed class GlossaryMarkingTests
{
    private static Glossary Of(params string[] lines) => Glossary.Parse(string.Join('\n', lines), []);

    private static readonly Glossary Terms = Of(
        "catheter,A thin tube.",
        "contrast dye,A liquid that shows up on X-rays.",
        "thrombosis,A clot in a vessel.",
        "deep vein thrombosis,A clot in a deep vein.",
        "biopsy,Taking a small piece of tissue.",
        "X-ray,A picture made with radiation.",
        "CT,Computed tomography.");

    private static MarkedSections Mark(Glossary glossary, params string[] html) => GlossaryMarking.Mark(html, glossary);

    /// <summary>The marked HTML parses as one well-formed fragment (Markdig writes XHTML-style tags, and so does the marking).</summary>
    private static XElement Parse(string html) => XElement.Parse("<root>" + html + "</root>");

    private static List<string> MarkedWords(string html) =>
        Parse(html).Descendants("dfn").Select(d => d.Value).ToList();

    [Fact]
    public void Only_the_first_use_on_the_page_is_marked_across_sections_and_terms_are_listed_in_order_of_first_use()
    {
        var marked = Mark(Terms, "<p>A catheter is put in. The catheter stays.</p>", "<p>Contrast dye flows through the catheter.</p>");

        Assert.Equal(["catheter"], MarkedWords(marked.Html[0]));
        Assert.Equal(["Contrast dye"], MarkedWords(marked.Html[1]));
        Assert.Equal(["catheter", "contrast dye"], marked.Terms.Select(t => t.Term));
    }

    [Fact]
    public void A_mark_is_a_dfn_with_a_button_that_opens_its_definition_as_a_popover()
    {
        var html = Mark(Terms, "<p>A catheter.</p>").Html[0];

        var root = Parse(html);
        var button = root.Descendants("dfn").Single().Element("button")!;
        Assert.Equal("button", (string?)button.Attribute("type"));
        var popover = root.Descendants("span").Single(s => s.Attribute("id")?.Value == (string?)button.Attribute("popovertarget"));
        Assert.Equal("auto", (string?)popover.Attribute("popover"));
        Assert.Equal("catheter: A thin tube.", popover.Value);
    }

    [Fact]
    public void The_longest_term_wins_plurals_and_hyphen_or_space_spellings_are_found()
    {
        var marked = Mark(Terms, "<p>Deep vein thrombosis, then thrombosis; two biopsies and X rays.</p>");

        Assert.Equal(["Deep vein thrombosis", "thrombosis", "biopsies", "X rays"], MarkedWords(marked.Html[0]));
    }

    [Fact]
    public void A_term_in_capitals_is_found_only_in_capitals()
    {
        var marked = Mark(Terms, "<p>The act of a CT scan.</p>");

        Assert.Equal(["CT"], MarkedWords(marked.Html[0]));
    }

    [Fact]
    public void Terms_inside_links_headings_and_code_are_not_marked_but_the_next_use_outside_is()
    {
        var html = Mark(Terms,
            "<h3>The catheter</h3><p><a href=\"/x\">catheter</a> and <code>catheter</code>, then <em>a catheter</em>.</p>").Html[0];

        var root = Parse(html);
        Assert.Empty(root.Descendants("h3").Descendants("dfn"));
        Assert.Empty(root.Descendants("a").Descendants("dfn"));
        Assert.Empty(root.Descendants("code").Descendants("dfn"));
        Assert.Equal("catheter", root.Descendants("em").Descendants("dfn").Single().Value);
    }

    [Fact]
    public void Tags_attributes_and_untouched_text_are_copied_as_they_are()
    {
        const string html = "<p title=\"a > catheter\">Tom &amp; Jerry<br />&lt;b&gt;</p><ul>\n<li>none</li>\n</ul>";

        Assert.Equal(html, Mark(Terms, html).Html[0]);
    }

    [Fact]
    public void Text_around_a_mark_stays_encoded_and_entities_in_it_are_read_as_text()
    {
        var html = Mark(Terms, "<p>&lt;script&gt; &amp; catheter &quot;x&quot;</p>").Html[0];

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        // The paragraph's text: the page's words, the marked word, then its (hidden) definition.
        Assert.Equal("<script> & catheter" + "catheter: A thin tube." + " \"x\"", Parse(html).Element("p")!.Value);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("</span></p><p popover>")]
    [InlineData("&lt;b&gt; ' \" & < >")]
    public void A_hostile_definition_is_text_and_the_html_stays_well_formed(string definition)
    {
        var glossary = Glossary.Parse($"catheter,\"{definition.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", []);
        Assert.Equal(definition, glossary.Entries.Single().Definition);

        var html = Mark(glossary, "<p>A catheter.</p>").Html[0];

        var root = Parse(html);
        Assert.Empty(root.Descendants("script"));
        Assert.Empty(root.Descendants("img"));
        Assert.Single(root.Descendants(), e => e.Attribute("popover") is not null);
        Assert.Equal("catheter: " + definition, root.Descendants("span").Single().Value);
    }

    [Fact]
    public void A_hostile_page_text_is_not_unencoded_by_marking()
    {
        var html = Mark(Terms, "<p>&lt;img src=x onerror=alert(1)&gt; catheter</p>").Html[0];

        Assert.Empty(Parse(html).Descendants("img"));
    }

    [Fact]
    public void An_empty_glossary_changes_nothing()
    {
        var marked = Mark(Glossary.Empty, "<p>A catheter.</p>");

        Assert.Equal("<p>A catheter.</p>", marked.Html[0]);
        Assert.Empty(marked.Terms);
    }

    [Fact]
    public void Every_seed_page_is_marked_into_well_formed_html_with_unique_ids()
    {
        foreach (var file in Directory.EnumerateFiles(Support.SeedContent.Folder, "*.txt"))
        {
            var page = ProcedureReference.Parsing.PageParser.Parse(Path.GetFileName(file), File.ReadAllText(file));
            var marked = GlossaryMarking.Mark(page.Sections.Select(s => SectionHtml.Render(s.Markdown)).ToList(), Glossary.Shipped);

            var roots = marked.Html.Select(Parse).ToList();
            var ids = roots.SelectMany(r => r.Descendants()).Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            // Every term the page uses is marked once, except one used only where it cannot be (a link, a heading).
            Assert.InRange(roots.Sum(r => r.Descendants("dfn").Count()), 1, marked.Terms.Count);
        }
    }
}
