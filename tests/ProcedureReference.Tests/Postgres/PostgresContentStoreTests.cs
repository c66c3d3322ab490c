using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>Staging, publishing, rolling back, discarding and pruning on a real PostgreSQL server.</summary>
public sealed class PostgresContentStoreTests : IDisposable
{
    private const string Edited = "Edited summary: this thrombectomy";
    private readonly TempFolder _temp = new();
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly PostgresContentStore _store;

    public PostgresContentStoreTests() =>
        _store = new PostgresContentStore(new PostgresOptions { ConnectionString = _database.ConnectionString, KeepVersions = 3 });

    private TestDatabase Database => _database;
    private PostgresContentStore Store => _store;

    public void Dispose()
    {
        _store.Pruning.Wait();
        _database.Dispose();
        _temp.Dispose();
    }

    private string EditedContent(string name, string marker = Edited)
    {
        var folder = SeedContent.CopyTo(_temp, name);
        var file = Path.Combine(folder, SeedContent.FileOf("37188"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", marker + " is", StringComparison.Ordinal));
        return folder;
    }

    private void Publish(string content, string source = "seeds")
    {
        var (report, published) = Store.ImportAndPublish(new ImportOptions(content), "tester", source);
        Assert.True(published?.Succeeded, report.FatalError ?? published?.Message);
    }

    private string LiveSummaryOf37188() => Database.Scalar<string>("""
        SELECT s.markdown FROM sections s JOIN pages p ON p.version_id = s.version_id AND p.id = s.page_id
        WHERE p.version_id = (SELECT version_id FROM live_content) AND p.code = '37188' AND s.kind = 'summary'
        """);

    private List<string> VersionTableNames() =>
        Database.Column<string>("SELECT relname::text FROM pg_class WHERE relkind = 'r' AND relname ~ '_v[0-9]+$' ORDER BY 1");

    [PostgresFact]
    public void An_import_and_publish_makes_a_whole_version_live()
    {
        Assert.False(Store.HasLiveContent);

        Publish(SeedContent.CopyTo(_temp));

        Assert.True(Store.HasLiveContent);
        var versions = Store.Versions();
        Assert.Equal(1, versions.LiveNumber);
        Assert.Equal(5, Assert.Single(versions.Versions).Pages);
        var live = "(SELECT version_id FROM live_content)";
        Assert.Equal(5, Database.Scalar<long>($"SELECT count(*) FROM pages WHERE version_id = {live}"));
        Assert.Equal(5, Database.Scalar<long>($"SELECT count(*) FROM search_documents WHERE version_id = {live} AND document <> ''::tsvector"));
        Assert.Equal("5", Database.Scalar<string>($"SELECT value FROM content_info WHERE version_id = {live} AND key = 'page_count'"));
        Assert.True(Database.Scalar<long>($"SELECT count(*) FROM similar_codes WHERE version_id = {live}") > 0);
        // Ordinals in code order, as SQLite numbers them: 1..n without gaps.
        Assert.Equal([1, 2, 3, 4, 5], Database.Column<int>($"SELECT ordinal FROM pages WHERE version_id = {live} ORDER BY ordinal"));
        // Every table is attached as the version's partition, with its indexes.
        Assert.Equal(VersionTables.Parents.Count, Database.Scalar<long>("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname ~ '_v[0-9]+$'"));
        Assert.Contains("gin", Database.Column<string>("SELECT indexdef FROM pg_indexes WHERE tablename ~ '^search_words_v'").Single(d => d.Contains("gin_trgm_ops", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void The_weighted_document_finds_a_page_by_its_descriptor_with_accents_folded()
    {
        Publish(SeedContent.CopyTo(_temp));

        var codes = Database.Column<string>("""
            SELECT p.code FROM search_documents d JOIN pages p ON p.version_id = d.version_id AND p.id = d.page_id
            WHERE d.version_id = (SELECT version_id FROM live_content) AND d.document @@ to_tsquery('procref', 'thrombéctomy')
            """);

        Assert.Contains("37188", codes);
    }

    [PostgresFact]
    public void The_section_vectors_are_one_row_per_page_and_section_with_text_under_a_gin_index()
    {
        Publish(SeedContent.CopyTo(_temp));
        var live = "(SELECT version_id FROM live_content)";
        var kinds = Enum.GetValues<SectionKind>();
        var expected = Database.Rows($"SELECT page_id::text, {string.Join(", ", kinds.Select(k => k.ToName()))} FROM search_documents WHERE version_id = {live}")
            .SelectMany(row => kinds.Where(k => !string.IsNullOrEmpty(row[1 + (int)k])).Select(k => $"{row[0]} {(int)k}"))
            .Order(StringComparer.Ordinal);

        var rows = Database.Column<string>($"SELECT page_id || ' ' || kind FROM search_sections WHERE version_id = {live}");

        Assert.Equal(expected, rows.Order(StringComparer.Ordinal));
        var indexes = Database.Column<string>("SELECT indexdef FROM pg_indexes WHERE tablename ~ '^search_sections_v'");
        Assert.Contains(indexes, index => index.Contains("USING gin (vector)", StringComparison.Ordinal));
        // The snippets ask which sections of the hits shown hold a query word: by page.
        Assert.Contains(indexes, index => index.Contains("USING btree (page_id)", StringComparison.Ordinal));
        Assert.Equal(5, Database.Scalar<long>($"SELECT count(*) FROM search_sections WHERE version_id = {live} AND kind = {(int)SectionKind.Risks} AND vector @@ to_tsquery('procref', 'bleeding')"));
    }

    [PostgresFact]
    public void The_did_you_mean_words_are_the_words_the_sqlite_vocabulary_keeps_with_their_page_counts()
    {
        Publish(SeedContent.CopyTo(_temp));
        var live = "(SELECT version_id FROM live_content)";
        var texts = Database.Rows($"SELECT {string.Join(", ", SearchColumns.All)} FROM search_documents WHERE version_id = {live}");
        var vocabulary = Vocabulary.Build(texts);
        var expected = texts.Select(page => page.SelectMany(t => QueryTokens.Words(t)).Where(w => w.All(char.IsLetter)).ToHashSet(StringComparer.Ordinal))
            .SelectMany(words => words).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var words = Database.Rows($"SELECT word, pages::text FROM search_words WHERE version_id = {live}").ToDictionary(r => r[0]!, r => int.Parse(r[1]!, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), words.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(words.Keys, w => Assert.True(vocabulary.Contains(w), w));
        Assert.Equal(5, words["procedure"]);
    }

    [PostgresFact]
    public void A_staged_import_leaves_the_live_content_alone_and_reports_against_it()
    {
        Publish(SeedContent.CopyTo(_temp));

        var (staged, report) = Store.Stage(new ImportOptions(EditedContent("edited")), "tester", "edited seeds");

        Assert.NotNull(staged);
        Assert.Equal(["37188"], report.Changed);
        Assert.DoesNotContain(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        var listed = Assert.Single(Store.Staged());
        Assert.Equal((staged.Id, "tester", "edited seeds"), (listed.Id, listed.StagedBy, listed.Source));
        Assert.Equal(["37188"], Store.FindStaged(staged.Id)!.Report.Changed);
    }

    [PostgresFact]
    public void Publish_makes_the_staged_import_live_and_keeps_it_as_the_next_version()
    {
        Publish(SeedContent.CopyTo(_temp));
        var (staged, _) = Store.Stage(new ImportOptions(EditedContent("edited")), "alice", "edited seeds");

        var result = Store.Publish(staged!.Id, "alice");

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        Assert.Empty(Store.Staged());
        var versions = Store.Versions();
        Assert.Equal(2, versions.LiveNumber);
        Assert.Equal([2, 1], versions.Versions.Select(v => v.Number));
        Assert.Equal(("alice", "edited seeds", 1), (versions.Versions[0].PublishedBy, versions.Versions[0].Source, versions.Versions[0].Changed));
        Assert.False(Store.Publish(staged.Id, "alice").Succeeded);
    }

    [PostgresFact]
    public void Rollback_makes_an_earlier_version_live_and_back_again()
    {
        Publish(SeedContent.CopyTo(_temp));
        Publish(EditedContent("edited"), "edited");

        Assert.True(Store.Rollback(1, "bob").Succeeded);
        Assert.DoesNotContain(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        Assert.Equal(1, Store.Versions().LiveNumber);

        Assert.True(Store.Rollback(2, "bob").Succeeded);
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Rolling_back_to_the_live_or_an_unknown_version_is_refused()
    {
        Publish(SeedContent.CopyTo(_temp));

        Assert.False(Store.Rollback(1, "bob").Succeeded);
        Assert.False(Store.Rollback(7, "bob").Succeeded);
    }

    [PostgresFact]
    public void Only_the_configured_number_of_versions_is_kept_and_the_rest_are_dropped()
    {
        for (var i = 0; i < 5; i++) Publish(EditedContent($"edit{i}", $"Edit {i}"), $"edit {i}");
        Store.Pruning.Wait();

        Assert.Equal([5, 4, 3], Store.Versions().Versions.Select(v => v.Number));
        Assert.Equal(3 * VersionTables.Parents.Count, VersionTableNames().Count);
    }

    [PostgresFact]
    public void Discard_throws_a_staged_import_and_its_tables_away()
    {
        Publish(SeedContent.CopyTo(_temp));
        var (staged, report) = Store.Stage(new ImportOptions(EditedContent("edited")), "tester", "edited");
        Assert.True(staged is not null, report.FatalError);
        Assert.Equal(2 * VersionTables.Parents.Count, VersionTableNames().Count);

        Assert.True(Store.Discard(staged!.Id).Succeeded);

        Assert.Empty(Store.Staged());
        Assert.Equal(VersionTables.Parents.Count, VersionTableNames().Count);
        Assert.False(Store.Publish(staged.Id, "tester").Succeeded);
        Assert.False(Store.Discard(staged.Id).Succeeded);
    }

    [PostgresFact]
    public void A_failed_import_stages_nothing_and_leaves_no_tables()
    {
        var (staged, report) = Store.Stage(new ImportOptions(_temp.CreateFolder("empty")), "tester", "nothing");

        Assert.Null(staged);
        Assert.False(report.Succeeded);
        Assert.Empty(VersionTableNames());
        Assert.Equal(0, Database.Scalar<long>("SELECT count(*) FROM content_versions"));
    }

    [PostgresFact]
    public void A_second_import_while_one_holds_the_lock_is_refused()
    {
        using (var held = Store.ImportLock.TryAcquire())
        {
            Assert.NotNull(held);
            Assert.Null(new PostgresImportLock(Database.ConnectionString).TryAcquire());

            var (staged, report) = Store.Stage(new ImportOptions(SeedContent.CopyTo(_temp)), "tester", "seeds");

            Assert.Null(staged);
            Assert.Contains("another import", report.FatalError, StringComparison.Ordinal);
        }
        using var again = new PostgresImportLock(Database.ConnectionString).TryAcquire();
        Assert.NotNull(again);
    }
}
