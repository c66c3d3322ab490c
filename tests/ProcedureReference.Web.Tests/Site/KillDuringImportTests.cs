using System.Diagnostics;
using ProcedureReference.Corpus;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>The command-line import killed mid-way in a child process: the live content stays whole and is served after a restart.</summary>
public sealed class KillDuringImportTests : IDisposable
{
    private readonly ReferenceApp _app = new();
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "pr-kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _app.Dispose();
        if (Directory.Exists(_corpus)) Directory.Delete(_corpus, recursive: true);
    }

    [Fact]
    public async Task A_killed_import_leaves_the_previous_content_whole_and_the_restart_cleans_up()
    {
        var store = new ContentStore(_app.DatabasePath);
        var (seeded, published) = store.ImportAndPublish(new ImportOptions(_app.ContentPath, _app.DatabasePath), "test", "seeds");
        Assert.True(published?.Succeeded, seeded.FatalError);
        CorpusGenerator.Generate(_corpus, 5000, seed: 7);
        var data = Path.GetDirectoryName(_app.DatabasePath)!;

        using var child = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Faults.ChildProcess.WebDll(), "import", "--content", _corpus, "--db", _app.DatabasePath },
            RedirectStandardError = true,
        })!;
        // Kill at the first progress line: files are being parsed and the new database is being written.
        var parsing = new TaskCompletionSource();
        child.ErrorDataReceived += (_, line) => { if (line.Data?.Contains("files parsed", StringComparison.Ordinal) == true) parsing.TrySetResult(); };
        child.BeginErrorReadLine();
        await parsing.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(child.HasExited, "the import ended before it could be killed");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        Assert.Equal(1, store.Versions().LiveNumber);
        Assert.Equal(["v1.db"], Directory.GetFiles(store.VersionsFolder, "*.db").Select(Path.GetFileName));
        var page = await _app.GetDocumentAsync("/codes/37188");
        Assert.NotNull(page.QuerySelector("h1"));
        using var client = _app.CreateClient();
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Equal(5, sitemap.Split("/codes/").Length - 1); // the five seed pages, none of the killed import's
        Assert.Empty(Directory.EnumerateFiles(data, "procedures.db.building-*"));
        Assert.Empty(Directory.EnumerateFiles(store.StagingFolder));
    }
}
