using System.Text.Json;
using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>A glossary term's definition opens by keyboard and by touch, not only by hover, and stays accessible when open.</summary>
[Collection(SharedBrowser.Name)]
public class GlossaryTests(BrowserSite site)
{
    private const string FirstTerm = ".sections dfn > button[popovertarget]";

    private static async Task<ILocator> DefinitionOfAsync(IPage page, ILocator button) =>
        page.Locator("#" + await button.GetAttributeAsync("popovertarget"));

    [BrowserFact]
    public async Task Enter_opens_a_terms_definition_and_Escape_closes_it_leaving_focus_on_the_term()
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(site.Url("/codes/78458"));
        var button = page.Locator(FirstTerm).First;
        var definition = await DefinitionOfAsync(page, button);
        await Expect(definition).ToBeHiddenAsync();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(definition).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("popovertarget", (await definition.GetAttributeAsync("id"))!);

        await page.Keyboard.PressAsync("Escape");
        await Expect(definition).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task A_tap_on_a_phone_opens_a_definition_and_a_tap_elsewhere_closes_it()
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true });
        await page.GotoAsync(site.Url("/codes/37188"));
        var button = page.Locator(FirstTerm).First;
        var definition = await DefinitionOfAsync(page, button);

        await button.TapAsync();
        await Expect(definition).ToBeVisibleAsync();
        var box = (await definition.BoundingBoxAsync())!;
        Assert.InRange(box.X, 0, 390 - box.Width); // the whole definition is on the screen

        await page.Touchscreen.TapAsync(5, 5);
        await Expect(definition).ToBeHiddenAsync();
    }

    [BrowserTheory("axe")]
    [InlineData("/codes/78458")]
    [InlineData("/codes/72275")]
    public async Task Axe_finds_no_violation_with_a_definition_open(string path)
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true });
        await page.GotoAsync(site.Url(path));
        var button = page.Locator(FirstTerm).First;
        await button.ClickAsync();
        await Expect(await DefinitionOfAsync(page, button)).ToBeVisibleAsync();
        await page.AddScriptTagAsync(new() { Path = BrowserTools.AxeScript });

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }))
                .violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')
            """);

        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
    }
}
