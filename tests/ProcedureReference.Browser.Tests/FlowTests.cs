using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>What readers do in a real browser: search with the keyboard, follow links, filter, page, read on a phone, print.</summary>
[Collection(SharedBrowser.Name)]
public class FlowTests(BrowserSite site)
{
    [BrowserFact]
    public async Task Typing_blood_clot_and_picking_a_suggestion_with_the_keyboard_opens_its_code_page()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/"));
        await BrowserSite.ScreenshotAsync(page, "home");

        await page.Locator("#q").PressSequentiallyAsync("blood clot", new() { Delay = 30 });
        // Generous: CI runs this beside the other test projects, on two cores.
        await page.Locator("#q-suggestions li").First.WaitForAsync(new() { Timeout = 30_000 });
        // A late answer for a shorter prefix would redraw the list between the arrow and Enter: let them all land.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/codes/*", new() { Timeout = 30_000 });
        Assert.Matches("/codes/[0-9]{5}$", page.Url);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    [BrowserFact]
    public async Task Table_of_contents_and_similar_code_links_lead_where_they_say()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/37188"));
        await BrowserSite.ScreenshotAsync(page, "code-page");

        await page.Locator(".toc a[href='#risks']").ClickAsync();
        Assert.EndsWith("#risks", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#risks").IsVisibleAsync());

        await page.Locator(".similar a[href='/codes/34421']").ClickAsync();
        await page.WaitForURLAsync("**/codes/34421");
        Assert.Contains("Thrombectomy", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_search_filters_by_a_facet_and_pages_through_the_results()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/search?q=procedure"));
        await BrowserSite.ScreenshotAsync(page, "search-results");

        await page.Locator(".facets a", new() { HasTextString = "Risks" }).First.ClickAsync();
        await page.WaitForURLAsync("**section=risks*");
        await page.Locator(".pager a[rel=next]").ClickAsync();
        await page.WaitForURLAsync("**page=2*");

        Assert.Contains("section=risks", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("main h2 a").CountAsync() > 0);
        Assert.True(await page.Locator(".pager a[rel=prev]").IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_form_still_submits()
    {
        var page = await site.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(site.Url("/"));

        await page.Locator("#q").FillAsync("thrombectomy");
        await page.Locator("#q").PressAsync("Enter");

        await page.WaitForURLAsync("**/search?q=thrombectomy");
        Assert.True(await page.Locator("a[href='/codes/37188']").CountAsync() > 0);
    }

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/search?q=blood+clot")]
    [InlineData("/codes/37188")]
    [InlineData("/browse")]
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

        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator(".toc").IsVisibleAsync());
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        Assert.True(await page.Locator("#risks").IsVisibleAsync());
        Assert.True(await page.Locator(".print-only").IsVisibleAsync());
    }
}
