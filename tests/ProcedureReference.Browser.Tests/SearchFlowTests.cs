using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>Search, type-ahead and compare as a reader meets them: on a phone, on a wide screen, while typing.</summary>
[Collection(SharedBrowser.Name)]
public class SearchFlowTests(BrowserSite site)
{
    private const int PhoneHeight = 844;

    /// <summary>
    /// Counts the times the type-ahead list goes empty or hidden after it first showed, and notes which query it
    /// last asked for and whether the list changed after that (see <see cref="FlowTests"/>).
    /// </summary>
    private const string WatchSuggestList = """
        window.__suggest = { asked: null, shown: null, everShown: false, emptied: [] };
        const fetchFromPage = window.fetch.bind(window);
        window.fetch = (input, init) => {
          const url = new URL(String(input), location.href);
          if (url.pathname === '/api/suggest') { window.__suggest.asked = url.searchParams.get('q'); window.__suggest.shown = null; }
          return fetchFromPage(input, init);
        };
        new MutationObserver(records => {
          const list = document.querySelector('.suggest-list');
          if (!list || !records.some(r => r.target === list || list.contains(r.target))) return;
          const s = window.__suggest;
          s.shown = s.asked;
          const empty = list.hidden || list.children.length === 0;
          if (!empty) s.everShown = true;
          else if (s.everShown) s.emptied.push(document.querySelector('#q').value);
        }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
        """;

    [BrowserFact]
    public async Task On_a_phone_the_first_search_result_is_in_the_first_screen_and_the_filters_are_closed()
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = PhoneHeight }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(site.Url("/search?q=blood+clot"));
        await BrowserSite.ScreenshotAsync(page, "search-results-phone");

        var first = await page.Locator(".hits li h2 a").First.BoundingBoxAsync();
        Assert.NotNull(first);
        Assert.True(first.Y + first.Height <= PhoneHeight, $"the first result ends at {first.Y + first.Height}px, below the {PhoneHeight}px screen");
        await Expect(page.Locator(".facets details")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator(".facets a").First).ToBeHiddenAsync();

        await page.Locator(".facets summary").ClickAsync();
        await Expect(page.Locator(".facets a").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task On_a_wide_screen_the_filters_are_open()
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(site.Url("/search?q=blood+clot"));

        await Expect(page.Locator(".facets a").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Typing_blood_clot_never_empties_the_suggestion_list()
    {
        var page = await site.NewPageAsync();
        await page.AddInitScriptAsync(WatchSuggestList);
        await page.GotoAsync(site.Url("/"));

        // Slower than the type-ahead's pause, so that each prefix ('blood c', 'blood cl', ...) is asked for.
        await page.Locator("#q").PressSequentiallyAsync("blood clot", new() { Delay = 250 });
        await page.WaitForFunctionAsync("q => window.__suggest.shown === q", "blood clot");
        await Expect(page.Locator("#q-suggestions li").First).ToBeVisibleAsync();

        var emptied = await page.EvaluateAsync<string[]>("window.__suggest.emptied");
        Assert.Empty(emptied);
    }

    [BrowserFact]
    public async Task Compared_codes_stand_side_by_side_on_a_wide_screen_and_stack_on_a_phone()
    {
        var wide = await site.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await wide.GotoAsync(site.Url("/compare?codes=37188,34421"));
        await BrowserSite.ScreenshotAsync(wide, "compare");
        var phone = await site.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = PhoneHeight }, IsMobile = true, HasTouch = true });
        await phone.GotoAsync(site.Url("/compare?codes=37188,34421"));
        await BrowserSite.ScreenshotAsync(phone, "compare-phone");

        var (wideFirst, wideSecond) = await FirstRowCells(wide);
        var (phoneFirst, phoneSecond) = await FirstRowCells(phone);

        Assert.Equal(wideFirst.Y, wideSecond.Y);
        Assert.True(wideSecond.X > wideFirst.X + wideFirst.Width - 1);
        Assert.True(phoneSecond.Y >= phoneFirst.Y + phoneFirst.Height, "the cells do not stack on a phone");
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth") <= 0);
    }

    [BrowserFact]
    public async Task The_similar_codes_block_leads_to_the_comparison()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/37188"));

        await page.Locator(".similar a.compare-link[href='/compare?codes=37188,34421']").ClickAsync();

        await Expect(page).ToHaveURLAsync(site.Url("/compare?codes=37188,34421"));
        await Expect(page.Locator(".compare-head")).ToHaveCountAsync(2);
    }

    private static async Task<(LocatorBoundingBoxResult First, LocatorBoundingBoxResult Second)> FirstRowCells(IPage page)
    {
        var cells = page.Locator(".compare-section").First.Locator(".compare-cell");
        return ((await cells.Nth(0).BoundingBoxAsync())!, (await cells.Nth(1).BoundingBoxAsync())!);
    }
}
