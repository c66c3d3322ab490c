using ProcedureReference.Importing;
using ProcedureReference.Sqlite;
using ProcedureReference.Testing;
using ProcedureReference.Publishing;
using ProcedureReference.Reading;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// One crash: the seed pages published as v1 (or imported before versions were kept), the command-line import of
/// the fixture's corpus started in a child process that pauses at a fault point, SIGKILL there, then the site
/// started again on the same folder (<see cref="ReferenceApp"/>, which removes leftovers as every start does).
/// </summary>
public sealed class KillScenario(KillFixture fixture) : IDisposable
{
    private readonly ReferenceApp _app = new();

    public string Database => _app.DatabasePath;
    public string ContentPath => _app.ContentPath;
    public string DataFolder => Path.GetDirectoryName(_app.DatabasePath)!;
    public SqliteContentStore Store => new(_app.DatabasePath);

    /// <summary>The seed pages published as v1, as a first start does.</summary>
    public SqliteContentStore PublishSeeds()
    {
        var (report, published) = Store.ImportAndPublish(new ImportOptions(_app.ContentPath), "test", "seeds");
        Assert.True(published?.Succeeded, report.FatalError ?? published?.Message);
        Assert.Equal(fixture.Seeds, DatabaseFacts.Of(Database));
        return Store;
    }

    /// <summary>The fixture's corpus published over the seeds, as v2.</summary>
    public void PublishCorpus()
    {
        var (report, published) = Store.ImportAndPublish(new ImportOptions(fixture.Corpus), "test", "corpus");
        Assert.True(published?.Succeeded, report.FatalError ?? published?.Message);
        Assert.Equal(fixture.Generated, DatabaseFacts.Of(Database));
    }

    /// <summary>The seed pages live with no versions kept (as before versions were kept).</summary>
    public void ImportSeedsWithoutVersions()
    {
        var report = TestContent.PublishWithoutVersions(_app.ContentPath, Database);
        Assert.True(report.Succeeded, report.FatalError);
    }

    /// <summary>
    /// Runs `import` of the corpus in a child process, waits for it to pause at <paramref name="point"/>, lets
    /// <paramref name="atPause"/> look at the files as the crash leaves them, and kills the child there.
    /// </summary>
    public async Task KillImportAtAsync(string point, Action? atPause = null)
    {
        using var child = ChildProcess.Start(DataFolder, ["import", "--allow-removals", "--content", fixture.Corpus, "--db", Database], pauseAt: point);
        await child.WaitForFaultPointAsync(point);
        atPause?.Invoke();
        await child.KillAsync();
    }

    /// <summary>The in-process site's services (started on first use).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the site again (or asks the running one) and checks that it serves every code of <paramref name="expected"/>, from a whole database.</summary>
    public async Task AssertServesAsync(DatabaseFacts expected)
    {
        // A running site looks for a new database at most once a second; a test asks it to look now.
        ((IContentVersions)_app.Services.GetService(typeof(IContentVersions))!).Refresh();
        var code = expected.Codes.Split(',')[0];
        var page = await _app.GetDocumentAsync("/codes/" + code);
        Assert.NotNull(page.QuerySelector("h1"));
        using var client = _app.CreateClient();
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Equal(expected.Codes.Split(',').Length, sitemap.Split("/codes/").Length - 1);
        Assert.Equal(expected, DatabaseFacts.Of(Database));
        Assert.Equal("ok", expected.Integrity);
    }

    /// <summary>After the crash and the restart an import runs and publishes as usual: no lock or file is left in its way.</summary>
    public void AssertImportsAgain()
    {
        var (report, published) = Store.ImportAndPublish(new ImportOptions(fixture.Corpus), "test", "after the crash");
        Assert.True(published?.Succeeded, report.FatalError ?? published?.Message);
        Assert.Equal(fixture.Generated, DatabaseFacts.Of(Database));
        Leftovers.AssertNone(DataFolder);
    }

    public void Dispose() => _app.Dispose();
}
