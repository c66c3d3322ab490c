using System.IO.Compression;
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
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/admin"));
        await page.WaitForURLAsync("**/admin/login**");
        await page.Locator("#name").FillAsync(BrowserSite.AdminName);
        await page.Locator("#password").FillAsync(BrowserSite.AdminPassword);
        await page.Locator("form button[type=submit]", new() { HasTextString = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/admin"));

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

        await page.Locator("button", new() { HasTextString = "Publish" }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/admin"));
        await BrowserSite.ScreenshotAsync(page, "admin");
        var reader = await site.NewPageAsync();
        await reader.GotoAsync(site.Url("/codes/37188"));
        await Expect(reader.Locator("#summary")).ToContainTextAsync(marker);

        // Newest first: the first version offered is the one that was live before the publish. The admin page
        // posts to itself, so wait for the answer to the post (the rollback is done by then), not for its address.
        await page.RunAndWaitForResponseAsync(() => page.Locator("button", new() { HasTextString = "Make v" }).First.ClickAsync(),
            response => response.Request.Method == "POST");
        await reader.ReloadAsync();
        await Expect(reader.Locator("#summary")).Not.ToContainTextAsync(marker);
    }
}
