using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Corpus;
using ProcedureReference.Importing;
using ProcedureReference.Reading;
using ProcedureReference.Sqlite;
using ProcedureReference.Web.Tests.Site;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// A live database cut in half (a disk fault, a bad copy), before the site starts or while it runs: the site puts
/// the version that was live back from its kept copy, logs an error and tells the admin; with no intact version it
/// answers 503 (never 500) and a new import can still be reviewed and published.
/// </summary>
public sealed class CorruptLiveTests : IDisposable
{
    private readonly AdminApp _app = new();
    private readonly string _other = Path.Combine(Path.GetTempPath(), "pr-other-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _app.Dispose();
        try { Directory.Delete(_other, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }

    private SqliteContentStore Store => new(_app.DatabasePath);

    /// <summary>v1 the seed pages, v2 five generated pages (live), published before the site starts; what v2 holds.</summary>
    private DatabaseFacts PublishTwoVersions()
    {
        Assert.True(Store.ImportAndPublish(new ImportOptions(_app.ContentPath), "test", "seeds").Published?.Succeeded);
        CorpusGenerator.Generate(_other, 5, seed: 12);
        Assert.True(Store.ImportAndPublish(new ImportOptions(_other), "test", "generated").Published?.Succeeded);
        return DatabaseFacts.Of(_app.DatabasePath);
    }

    private async Task AssertServesAsync(DatabaseFacts expected)
    {
        var code = expected.Codes.Split(',')[0];
        using var client = _app.CreateClient();
        foreach (var url in new[] { "/", "/codes/" + code, "/search?q=procedure", "/browse", "/api/codes/" + code, "/sitemap.xml" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        using (var health = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(expected, DatabaseFacts.Of(_app.DatabasePath));
        Assert.Equal("ok", expected.Integrity);
    }

    private async Task<string> AdminHomeAsync()
    {
        using var session = await _app.SignInAsync();
        return await session.Client.GetStringAsync("/admin");
    }

    [Fact]
    public async Task A_live_file_cut_in_half_is_healed_at_start_logged_and_shown_to_the_admin()
    {
        var live = PublishTwoVersions();
        LiveDamage.CutInHalf(_app.DatabasePath);

        await AssertServesAsync(live);

        Assert.Contains("ERR] ", _app.LogText(), StringComparison.Ordinal);
        Assert.Contains("procedures.db is cut short", _app.LogText(), StringComparison.Ordinal);
        Assert.Contains("v2 was put back live", _app.LogText(), StringComparison.Ordinal);
        Assert.Equal(2, Store.Versions().LiveNumber);
        var home = await AdminHomeAsync();
        Assert.Contains("data-content-repair", home, StringComparison.Ordinal);
        Assert.Contains("v2 was put back live from its kept copy", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_file_cut_while_the_site_runs_is_healed_by_the_next_failing_read()
    {
        var live = PublishTwoVersions();
        var codes = live.Codes.Split(',');
        using var client = _app.CreateClient();
        using (var before = await client.GetAsync("/codes/" + codes[0])) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        LiveDamage.CutInHalf(_app.DatabasePath);
        // A running site looks at the live file at most once a second; the test asks it to look now.
        _app.Services.GetRequiredService<IContentVersions>().Refresh();
        using (var failing = await client.GetAsync("/codes/" + codes[1]))
            Assert.True(failing.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK, $"the read of the cut file: {failing.StatusCode}");

        await AssertServesAsync(live);
        Assert.Contains("v2 was put back live", _app.LogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_puts_a_damaged_live_file_right_and_answers_200()
    {
        var live = PublishTwoVersions();
        using var client = _app.CreateClient();
        using (var before = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        LiveDamage.CutInHalf(_app.DatabasePath);
        _app.Services.GetRequiredService<IContentVersions>().Refresh();

        using (var health = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(live, DatabaseFacts.Of(_app.DatabasePath));
    }

    [Fact]
    public async Task With_no_intact_version_pages_and_health_answer_503_and_a_new_import_can_be_reviewed_and_published()
    {
        Assert.True(Store.ImportAndPublish(new ImportOptions(_app.ContentPath), "test", "seeds").Published?.Succeeded);
        LiveDamage.CutInHalf(_app.DatabasePath);
        LiveDamage.CutInHalf(Path.Combine(Store.VersionsFolder, "v1.db"));

        using var client = _app.CreateClient();
        foreach (var url in new[] { "/", "/codes/37188", "/search?q=clot", "/browse", "/sitemap.xml", "/api/codes/37188", "/api/search?q=clot" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {response.StatusCode}");
        }
        var (status, reason) = await HealthTests.HealthAsync(client);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "The live content cannot be read."), (status, reason));
        Assert.Contains("no kept version is intact", _app.LogText(), StringComparison.Ordinal);

        // The way out: an import (staged from the command line here), reviewed and published by the admin.
        var (staged, _) = Store.Stage(new ImportOptions(_app.ContentPath), "test", "the content folder again");
        using var session = await _app.SignInAsync();
        var home = await session.Client.GetStringAsync("/admin");
        Assert.Contains("no kept version is intact", home, StringComparison.Ordinal);
        using (var review = await session.Client.GetAsync("/admin/imports/" + staged!.Id))
        {
            var page = await review.Content.ReadAsStringAsync();
            Assert.True(review.StatusCode == HttpStatusCode.OK, $"review: {review.StatusCode}");
            Assert.Contains("handler=Publish", page, StringComparison.Ordinal);
        }
        using (var publish = await session.PostFormAsync($"/admin/imports/{staged.Id}?handler=Publish", "/admin/imports/" + staged.Id, new() { ["confirm"] = "yes" }))
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        _app.Services.GetRequiredService<IContentVersions>().Refresh();

        using (var page = await client.GetAsync("/codes/37188")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var health = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain("data-content-repair", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}
