using System.Text.RegularExpressions;
using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>What readers do in a real browser: search with the keyboard, follow links, filter, page, read on a phone, print.</summary>
[Collection(SharedBrowser.Name)]
public class FlowTests(BrowserSite site)
{
    /// <summary>
    /// Notes which query the type-ahead last asked for and, once its list changes after that, that the list shows
    /// it: an answer to an earlier prefix is aborted by the next request, so a change after the last request is the
    /// last answer.
    /// </summary>
    private const string WatchSuggestions = """
        window.__suggest = { asked: null, shown: null };
        const fetchFromPage = window.fetch.bind(window);
        window.fetch = (input, init) => {
          const url = new URL(String(input), location.href);
          if (url.pathname === '/api/suggest') window.__suggest = { asked: url.searchParams.get('q'), shown: null };
          return fetchFromPage(input, init);
        };
        new MutationObserver(records => {
          if (records.some(r => r.target.classList && r.target.classList.contains('suggest-list'))) window.__suggest.shown = window.__suggest.asked;
        }).observe(document, { childList: true, subtree: true });
        """;

    [BrowserFact]
    public async Task Typing_blood_clot_and_picking_a_suggestion_with_the_keyboard_opens_its_code_page()
    {
        var page = await site.NewPageAsync();
        await page.AddInitScriptAsync(WatchSuggestions);
        await page.GotoAsync(site.Url("/"));
        await BrowserSite.ScreenshotAsync(page, "home");

        await page.Locator("#q").PressSequentiallyAsync("blood clot", new() { Delay = 30 });
        // Wait for the list of the whole query: a late list for a shorter prefix would redraw it between the arrow and Enter.
        await page.WaitForFunctionAsync("q => window.__suggest.shown === q", "blood clot");
        await Expect(page.Locator("#q-suggestions li").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#q-suggestions li").First).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/codes/[0-9]{5}$"));
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task Table_of_contents_and_similar_code_links_lead_where_they_say()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/37188"));
        await BrowserSite.ScreenshotAsync(page, "code-page");

        await page.Locator(".toc a[href='#risks']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#risks$"));
        await Expect(page.Locator("#risks")).ToBeVisibleAsync();

        await page.Locator(".similar a[href='/codes/34421']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/codes/34421$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Thrombectomy");
    }

    [BrowserFact]
    public async Task A_search_filters_by_a_facet_and_pages_through_the_results()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/search?q=procedure"));
        await BrowserSite.ScreenshotAsync(page, "search-results");

        await page.Locator(".facets a", new() { HasTextString = "Risks" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("section=risks"));
        await page.Locator(".pager a[rel=next]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));

        await Expect(page).ToHaveURLAsync(new Regex("section=risks"));
        await Expect(page.Locator("main h2 a").First).ToBeVisibleAsync();
        await Expect(page.Locator(".pager a[rel=prev]")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_form_still_submits()
    {
        var page = await site.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(site.Url("/"));

        await page.Locator("#q").FillAsync("thrombectomy");
        await page.Locator("#q").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=thrombectomy$"));
        await Expect(page.Locator("a[href='/codes/37188']").First).ToBeVisibleAsync();
    }

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/search?q=blood+clot")]
    [InlineData("/codes/37188")]
    [InlineData("/browse")]
    [InlineData("/compare?codes=37188,34421")]
    public async Task A_phone_shows_no_horizontal_scroll(string path)
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(site.Url(path));
        if (path == "/codes/37188") await BrowserSite.ScreenshotAsync(page, "code-page-phone");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone");
    }

    [BrowserFact]
    public async Task Printing_a_code_page_hides_the_navigation_and_keeps_the_handout()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/37188"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.PdfAsync(new() { Path = Path.Combine(BrowserTools.OutputFolder, "code-page-print.pdf") });

        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".toc")).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("#risks")).ToBeVisibleAsync();
        await Expect(page.Locator(".print-only")).ToBeVisibleAsync();
    }
}
