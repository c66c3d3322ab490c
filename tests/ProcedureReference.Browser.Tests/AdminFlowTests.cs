using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Browser.Tests.Support;

namespace ProcedureReference.Browser.Tests;

/// <summary>The admin's round trip in a real browser: sign in, upload, review the diff, publish, see it, roll back.</summary>
[Collection(SharedBrowser.Name)]
public class AdminFlowTests(BrowserSite site)
{
    /// <summary>The site's own content zipped (so no page is removed), with 37188's summary starting with <paramref name="marker"/>.</summary>
    private string ChangedScrape(string marker)
    {
        var path = Path.Combine(BrowserTools.OutputFolder, "changed-scrape.zip");
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(site.ContentPath))
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "004_b058e552b792f92e.txt")
                text = text.Replace("Percutaneous transluminal mechanical thrombectomy is", marker + " is", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry(Path.GetFileName(file)).Open());
            writer.Write(text);
        }
        return path;
    }

    [BrowserFact]
    public async Task Sign_in_upload_review_publish_and_roll_back()
    {
        var marker = "Browser edit " + Guid.NewGuid().ToString("N")[..6];
        var page = await SignedInPageAsync();

        await page.Locator("#archive").SetInputFilesAsync(ChangedScrape(marker));
        await page.Locator("button", new() { HasTextString = "Upload and import" }).ClickAsync();
        // The page follows the import and reloads when it ends; then the review link is there (the import of a
        // shared, busy machine may take a while: the wait is bounded by minutes, and ends when the link appears).
        var review = page.Locator("a", new() { HasTextString = "Review it" });
        await Expect(review).ToBeVisibleAsync(new() { Timeout = 300_000 });
        await review.ClickAsync();
        await page.Locator(".code-list a").First.ClickAsync();
        Assert.Contains(marker, await page.Locator(".diff-add").First.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSite.ScreenshotAsync(page, "admin-review");

        // Publish asks for its confirmation: the box is required, so the browser holds the form until it is ticked.
        await page.Locator("input[name=confirm]").CheckAsync();
        await page.Locator("button", new() { HasTextString = "Publish" }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/admin"));
        await BrowserSite.ScreenshotAsync(page, "admin");
        var reader = await site.NewPageAsync();
        await reader.GotoAsync(site.Url("/codes/37188"));
        await Expect(reader.Locator("#summary")).ToContainTextAsync(marker);

        // Newest first: the first version offered is the one that was live before the publish. The admin page
        // posts to itself, so wait for the answer to the post (the rollback is done by then), not for its address.
        var rollback = page.Locator("form", new() { Has = page.Locator("button", new() { HasTextString = "Make v" }) }).First;
        await rollback.Locator("input[name=confirm]").CheckAsync();
        await page.RunAndWaitForResponseAsync(() => rollback.Locator("button").ClickAsync(),
            response => response.Request.Method == "POST");
        await reader.ReloadAsync();
        await Expect(reader.Locator("#summary")).Not.ToContainTextAsync(marker);
    }

    [BrowserFact]
    public async Task On_a_phone_every_rollback_button_is_on_screen_without_scrolling_sideways()
    {
        // Two published versions at least, so that one can be rolled back to.
        var store = site.Services.GetRequiredService<IContentStore>();
        foreach (var marker in new[] { "Phone edit A", "Phone edit B" })
        {
            var (_, published) = store.ImportAndPublish(new ImportOptions(EditedContent(marker + " " + Guid.NewGuid().ToString("N")[..6])), "test", marker);
            Assert.True(published?.Succeeded, published?.Message);
        }
        var page = await SignedInPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        var buttons = page.Locator("button", new() { HasTextString = "Make v" });
        Assert.True(await buttons.CountAsync() >= 1, "no rollback button");
        foreach (var button in await buttons.AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"a rollback button spans {box.X}..{box.X + box.Width} on a 390px screen");
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the admin page scrolls sideways on a phone");
        await BrowserSite.ScreenshotAsync(page, "admin-phone");
    }

    /// <summary>A copy of the site's content with 37188's summary starting with <paramref name="marker"/>.</summary>
    private string EditedContent(string marker)
    {
        var folder = Path.Combine(BrowserTools.OutputFolder, "edited-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(site.ContentPath))
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "004_b058e552b792f92e.txt")
                text = text.Replace("Percutaneous transluminal mechanical thrombectomy is", marker + " is", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), text);
        }
        return folder;
    }

    private async Task<IPage> SignedInPageAsync(BrowserNewContextOptions? options = null)
    {
        var page = await site.NewPageAsync(options);
        await page.GotoAsync(site.Url("/admin"));
        await page.WaitForURLAsync("**/admin/login**");
        await page.Locator("#name").FillAsync(BrowserSite.AdminName);
        await page.Locator("#password").FillAsync(BrowserSite.AdminPassword);
        await page.Locator("form button[type=submit]", new() { HasTextString = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/admin"));
        return page;
    }
}
