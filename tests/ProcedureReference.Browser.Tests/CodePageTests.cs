using System.Globalization;
using System.Text.Json;
using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>
/// The code page as a reader meets it in a real browser: the answer (the summary's first line) in the first screen
/// on a phone and on a laptop for every page in content/, the contents list folded on a phone, the copy button.
/// </summary>
[Collection(SharedBrowser.Name)]
public class CodePageTests(BrowserSite site)
{
    /// <summary>The first line of text of the summary (after its heading) as the browser laid it out, and where the page is scrolled to.</summary>
    private const string SummaryFirstLine = """
        () => {
          const section = document.querySelector('#summary');
          if (!section) return null;
          const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT, {
            acceptNode: n => n.parentElement.closest('h2') || !n.textContent.trim() ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT });
          const text = walker.nextNode();
          if (!text) return null;
          const range = document.createRange();
          range.selectNodeContents(text);
          const line = range.getClientRects()[0];
          return { bottom: line.bottom, viewport: window.innerHeight, scrolled: window.scrollY, words: text.textContent.trim().slice(0, 40) };
        }
        """;

    /// <summary>Every page in content/ (its codes.csv) on a 390x844 phone and a 1280x900 screen.</summary>
    public static TheoryData<string, int, int> ContentPagesOnBothScreens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var line in File.ReadLines(Path.Combine(BrowserTools.RepositoryRoot, "content", "codes.csv")).Skip(1))
        {
            var code = line.Split(',')[1].Trim();
            if (code.Length == 0) continue;
            data.Add(code, 390, 844);
            data.Add(code, 1280, 900);
        }
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(ContentPagesOnBothScreens))]
    public async Task The_summary_first_line_is_in_the_first_screen(string code, int width, int height)
    {
        var phone = width < 600;
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = phone, HasTouch = phone });
        await page.GotoAsync(site.Url("/codes/" + code));
        await BrowserSite.ScreenshotAsync(page, string.Create(CultureInfo.InvariantCulture, $"first-screen-{code}-{width}x{height}"));

        var line = await page.EvaluateAsync<JsonElement>(SummaryFirstLine);

        Assert.Equal(JsonValueKind.Object, line.ValueKind);
        var (bottom, viewport) = (line.GetProperty("bottom").GetDouble(), line.GetProperty("viewport").GetDouble());
        Assert.Equal(0, line.GetProperty("scrolled").GetDouble());
        Assert.True(bottom <= viewport, $"/codes/{code} at {width}x{height}: the summary's first line ('{line.GetProperty("words").GetString()}') ends at {bottom}px, below the first {viewport}px");
    }

    [BrowserFact]
    public async Task On_a_phone_the_contents_list_is_folded_and_opens_on_a_tap()
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(site.Url("/codes/37188"));

        await Expect(page.Locator(".toc a[href='#risks']")).ToBeHiddenAsync();
        await page.Locator(".toc summary").TapAsync();
        await page.Locator(".toc a[href='#risks']").TapAsync();

        await Expect(page.Locator("#risks")).ToBeInViewportAsync();
    }

    [BrowserFact]
    public async Task On_a_wide_screen_the_contents_list_is_open_beside_the_text()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/37188"));

        await Expect(page.Locator(".toc a[href='#risks']")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_copy_button_puts_the_code_on_the_clipboard()
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Permissions = ["clipboard-read", "clipboard-write"] });
        await page.GotoAsync(site.Url("/codes/37188"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy code" }).ClickAsync();

        await Expect(page.Locator(".copy-status")).ToHaveTextAsync("Copied");
        Assert.Equal("37188", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }
}
