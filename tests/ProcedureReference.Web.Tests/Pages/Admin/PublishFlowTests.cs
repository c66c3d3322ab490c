using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>An admin uploads a changed scrape, reads the difference, publishes it, and rolls it back, while readers read on.</summary>
public abstract class PublishFlowTests(AdminApp app)
{
    /// <summary>content/ zipped, with 37188's summary starting with <paramref name="marker"/>.</summary>
    private static byte[] ChangedScrape(string marker)
    {
        var content = Path.Combine(ReferenceApp.RepositoryRoot(), "content");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.EnumerateFiles(content))
            {
                var text = File.ReadAllText(file);
                if (Path.GetFileName(file) == "004_b058e552b792f92e.txt")
                    text = text.Replace("Percutaneous transluminal mechanical thrombectomy is", marker + " is", StringComparison.Ordinal);
                using var writer = new StreamWriter(zip.CreateEntry("scrape/" + Path.GetFileName(file)).Open());
                writer.Write(text);
            }
        return stream.ToArray();
    }

    private async Task<string> StageAsync(AdminSession session, string marker)
    {
        using var upload = await session.UploadAsync(ChangedScrape(marker));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var runner = app.Services.GetRequiredService<ImportRunner>();
        await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(runner.Status.LastSucceeded, runner.Status.LastMessage);
        return runner.Status.LastStagedId!;
    }

    private async Task<string> SummaryParagraphAsync() =>
        (await app.GetDocumentAsync("/codes/37188")).QuerySelector("#summary p")!.TextContent;

    private async Task<string> SummaryOf37188Async() =>
        (await app.GetDocumentAsync("/codes/37188")).QuerySelector("#summary")!.TextContent;

    [EngineFact]
    public async Task Upload_review_publish_and_roll_back()
    {
        using var session = await app.SignInAsync();
        var marker = "Flow edit " + Guid.NewGuid().ToString("N")[..6];
        var before = await SummaryOf37188Async();

        var id = await StageAsync(session, marker);

        // Staged, not live: the admin page lists it and readers still see the old text.
        Assert.Contains($"/admin/imports/{id}", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal(before, await SummaryOf37188Async());

        var review = await session.Client.GetStringAsync($"/admin/imports/{id}?code=37188");
        Assert.Contains("1 changed", review, StringComparison.Ordinal);
        // The changed words are marked inside the changed line, the rest of the paragraph is not. (What was live may
        // be the seed or another test's edit, so only the end of the marker is sure to be new.)
        Assert.Matches($"<span class=\"diff-add\" title=\"added\">&#x2B; [^\\n]*{marker[^6..]}</ins> is a minimally invasive procedure", review);
        Assert.Matches("<span class=\"diff-del\" title=\"removed\">- [^\\n]*</del> is a minimally invasive procedure", review);

        using var publish = await session.PostFormAsync($"/admin/imports/{id}?handler=Publish", $"/admin/imports/{id}", new() { ["confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains(marker, await SummaryOf37188Async(), StringComparison.Ordinal);
        var admin = await session.Client.GetStringAsync("/admin");
        Assert.Contains("Published v", admin, StringComparison.Ordinal);

        // Roll back to the version that was live before the publish.
        var versions = app.Services.GetRequiredService<ProcedureReference.Publishing.IContentStore>().Versions();
        var previous = versions.Versions.First(v => v.Number < versions.LiveNumber).Number;
        using var rollback = await session.PostFormAsync("/admin?handler=Rollback", "/admin", new() { ["version"] = previous.ToString(System.Globalization.CultureInfo.InvariantCulture), ["confirm"] = $"v{previous}" });
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        Assert.Equal(before, await SummaryOf37188Async());
        Assert.Contains("rollback", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task A_discarded_import_is_gone_and_changes_nothing()
    {
        using var session = await app.SignInAsync();
        var before = await SummaryOf37188Async();
        var id = await StageAsync(session, "Discarded edit");

        using var discard = await session.PostFormAsync($"/admin/imports/{id}?handler=Discard", $"/admin/imports/{id}", []);

        Assert.Equal(HttpStatusCode.Redirect, discard.StatusCode);
        using var gone = await session.Client.GetAsync($"/admin/imports/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(before, await SummaryOf37188Async());
    }

    [EngineFact]
    public async Task An_upload_that_climbs_out_of_its_folder_is_refused_and_writes_nothing()
    {
        using var session = await app.SignInAsync();
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("../../escaped.txt").Open());
            writer.Write("Search all medical codes\n\nEscaped\n");
        }

        using var upload = await session.UploadAsync(stream.ToArray(), "evil.zip");
        var page = await upload.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Contains("The archive was refused: entry &#x27;../../escaped.txt&#x27; climbs out of its folder", page, StringComparison.Ordinal);
        Assert.False(Directory.Exists(app.UploadsPath) && Directory.EnumerateFileSystemEntries(app.UploadsPath).Any());
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "..", "escaped.txt")));
    }

    [EngineFact]
    public async Task While_a_publish_switches_the_content_every_read_succeeds_and_comes_from_one_version()
    {
        using var session = await app.SignInAsync();
        var marker = "Concurrent edit " + Guid.NewGuid().ToString("N")[..6];
        var id = await StageAsync(session, marker);
        var before = await SummaryParagraphAsync();
        using var reader = app.CreateClient();

        async Task<(HttpStatusCode Status, string Body)> Read(int i)
        {
            using var response = await reader.GetAsync(i % 3 == 0 ? "/search?q=thrombectomy" : "/codes/37188");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var reads = Enumerable.Range(0, 300).Select(i => Task.Run(() => Read(i))).ToList();
        using var publish = await session.PostFormAsync($"/admin/imports/{id}?handler=Publish", $"/admin/imports/{id}", new() { ["confirm"] = "yes" });
        reads.AddRange(Enumerable.Range(300, 100).Select(i => Task.Run(() => Read(i))));
        var results = await Task.WhenAll(reads);

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var after = await SummaryParagraphAsync();
        Assert.Contains(marker, after, StringComparison.Ordinal);
        var summaries = results.Where(r => r.Body.Contains("id=\"summary\"", StringComparison.Ordinal))
            .Select(r => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(r.Body).QuerySelector("#summary p")!.TextContent)
            .ToList();
        Assert.NotEmpty(summaries);
        // Each code page is wholly the old version or wholly the new one.
        Assert.All(summaries, summary => Assert.True(summary == before || summary == after, summary));
    }
}

public sealed class SqlitePublishFlowTests(AdminApp app) : PublishFlowTests(app), IClassFixture<AdminApp>;

public sealed class PostgresPublishFlowTests(PostgresAdminApp app) : PublishFlowTests(app), IClassFixture<PostgresAdminApp>, IOnPostgres;
