using System.Collections.Concurrent;
using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>
/// The site's Content-Security-Policy blocks nothing the site itself does: each page type loads, runs its script
/// (type-ahead fetching suggestions, the print button) and reports no violation to the browser.
/// </summary>
[Collection(SharedBrowser.Name)]
public class ContentSecurityPolicyTests(BrowserSite site)
{
    /// <summary>Injected by Playwright over the DevTools protocol, which the policy does not govern.</summary>
    private const string CollectViolations =
        "document.addEventListener('securitypolicyviolation', e => (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI));";

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/search?q=blood+clot")]
    [InlineData("/codes/37188")]
    [InlineData("/browse")]
    [InlineData("/codes/99999")]
    [InlineData("/admin/login")]
    public async Task Pages_and_their_scripts_run_under_the_policy_without_a_violation(string path)
    {
        var page = await site.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Enqueue(message.Text); };
        page.PageError += (_, error) => errors.Enqueue(error);
        await page.AddInitScriptAsync(CollectViolations);

        var response = await page.GotoAsync(site.Url(path)) ?? throw new InvalidOperationException("no response for " + path);
        Assert.Contains("default-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        if (await page.Locator("input[data-suggest]").CountAsync() > 0)
        {
            // The type-ahead's fetch to /api/suggest is what connect-src must allow.
            await page.Locator("input[data-suggest]").First.FillAsync("");
            await page.Locator("input[data-suggest]").First.PressSequentiallyAsync("throm", new() { Delay = 30 });
            await page.Locator(".suggest-list li").First.WaitForAsync();
        }
        if (path.StartsWith("/codes/37188", StringComparison.Ordinal))
            await Expect(page.Locator("[data-print]")).ToBeVisibleAsync(); // the print button is shown by the site's script

        var violations = await page.EvaluateAsync<string[]>("() => window.__violations || []");
        Assert.Empty(violations);
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || e.Contains("Refused", StringComparison.Ordinal));
    }
}
