using ProcedureReference.Corpus;
using ProcedureReference.Testing;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// Made once per test class: a generated corpus for the import that gets killed, and what a whole database of the
/// seed pages and of that corpus holds, to compare the live database with after a crash.
/// </summary>
public sealed class KillFixture : IDisposable
{
    /// <summary>Enough pages that the new database is several copy blocks long, few enough to import in about a second.</summary>
    public const int Pages = 60;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "pr-kill-" + Guid.NewGuid().ToString("N"));

    public KillFixture()
    {
        Corpus = Path.Combine(_root, "corpus");
        CorpusGenerator.Generate(Corpus, Pages, seed: 11);
        Seeds = FactsOfImport(Path.Combine(ReferenceApp.RepositoryRoot(), "content"), "seeds.db");
        Generated = FactsOfImport(Corpus, "generated.db");
        GeneratedBytes = new FileInfo(Path.Combine(_root, "generated.db")).Length;
        Assert.NotEqual(Seeds.ContentHash, Generated.ContentHash);
        OtherCorpus = Path.Combine(_root, "other");
        CorpusGenerator.Generate(OtherCorpus, 5, seed: 12);
    }

    /// <summary>The pages the killed import reads.</summary>
    public string Corpus { get; }

    /// <summary>How large a whole database of the corpus is.</summary>
    public long GeneratedBytes { get; }

    /// <summary>Other pages, for an import that must not run.</summary>
    public string OtherCorpus { get; }

    /// <summary>The five seed pages (content/) as a whole database holds them: the content live before the import.</summary>
    public DatabaseFacts Seeds { get; }

    /// <summary>The corpus as a whole database holds it: the content live after the import, had it finished.</summary>
    public DatabaseFacts Generated { get; }

    private DatabaseFacts FactsOfImport(string content, string name)
    {
        var database = Path.Combine(_root, name);
        var report = TestContent.Publish(content, database);
        Assert.True(report.Succeeded, report.FatalError);
        return DatabaseFacts.Of(database);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}
