using ProcedureReference.Importing;
using ProcedureReference.Sqlite;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Publishing;

/// <summary>Staging, publishing, rolling back and discarding over real SQLite files in a temp folder.</summary>
public sealed class ContentStoreTests : IDisposable
{
    private const string Edited = "Edited summary: this thrombectomy";
    private readonly TempFolder _temp = new();
    private readonly string _live;
    private readonly SqliteContentStore _store;

    public ContentStoreTests()
    {
        _live = _temp.Combine("data", "procedures.db");
        _store = new SqliteContentStore(_live, keep: 3);
    }

    public void Dispose() => _temp.Dispose();

    private static ImportOptions Options(string content) => new(content);

    private string EditedContent(string name, string marker = Edited)
    {
        var folder = SeedContent.CopyTo(_temp, name);
        var file = Path.Combine(folder, SeedContent.FileOf("37188"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", marker + " is", StringComparison.Ordinal));
        return folder;
    }

    private string LiveSummaryOf37188() =>
        Sql.Column(_live, "SELECT s.Markdown FROM sections s JOIN pages p ON p.Id = s.PageId WHERE p.Code = '37188' AND s.Kind = 'summary'")[0];

    [Fact]
    public void A_staged_import_leaves_the_live_content_alone_and_reports_against_it()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");

        var (staged, report) = _store.Stage(Options(EditedContent("edited")), "tester", "edited seeds");

        Assert.NotNull(staged);
        Assert.Equal(["37188"], report.Changed);
        Assert.DoesNotContain(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        Assert.Equal(staged.Id, Assert.Single(_store.Staged()).Id);
        Assert.Contains(Edited, Sql.Column(_store.StagedDatabase(staged.Id),
            "SELECT s.Markdown FROM sections s JOIN pages p ON p.Id = s.PageId WHERE p.Code = '37188' AND s.Kind = 'summary'")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_makes_the_staged_import_live_and_keeps_it_as_the_next_version()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");
        var (staged, _) = _store.Stage(Options(EditedContent("edited")), "alice", "edited seeds");

        var result = _store.Publish(staged!.Id, "alice");

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        Assert.Empty(_store.Staged());
        var versions = _store.Versions();
        Assert.Equal(2, versions.LiveNumber);
        Assert.Equal([2, 1], versions.Versions.Select(v => v.Number));
        Assert.Equal(("alice", "edited seeds", 1), (versions.Versions[0].PublishedBy, versions.Versions[0].Source, versions.Versions[0].Changed));
    }

    [Fact]
    public void Rollback_makes_an_earlier_version_live_and_back_again()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");
        _store.ImportAndPublish(Options(EditedContent("edited")), "tester", "edited");

        Assert.True(_store.Rollback(1, "bob").Succeeded);
        Assert.DoesNotContain(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        Assert.Equal(1, _store.Versions().LiveNumber);

        Assert.True(_store.Rollback(2, "bob").Succeeded);
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rolling_back_to_the_live_or_an_unknown_version_is_refused()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");

        Assert.False(_store.Rollback(1, "bob").Succeeded);
        Assert.False(_store.Rollback(7, "bob").Succeeded);
    }

    [Fact]
    public void The_first_publish_keeps_content_that_was_live_before_versions_as_a_version()
    {
        Assert.True(TestContent.PublishWithoutVersions(SeedContent.CopyTo(_temp), _live).Succeeded);

        _store.ImportAndPublish(Options(EditedContent("edited")), "tester", "edited");

        var versions = _store.Versions().Versions;
        Assert.Equal(SqliteContentStore.BeforeVersionsSource, versions.Single(v => v.Number == 1).Source);
        Assert.True(_store.Rollback(1, "tester").Succeeded);
        Assert.DoesNotContain(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_configured_number_of_versions_is_kept()
    {
        for (var i = 0; i < 5; i++) _store.ImportAndPublish(Options(EditedContent($"edit{i}", $"Edit {i}")), "tester", $"edit {i}");

        Assert.Equal([5, 4, 3], _store.Versions().Versions.Select(v => v.Number));
        Assert.Equal(3, Directory.GetFiles(_store.VersionsFolder, "v*.db").Length);
    }

    [Fact]
    public void Discard_throws_a_staged_import_away()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");
        var (staged, _) = _store.Stage(Options(EditedContent("edited")), "tester", "edited");

        Assert.True(_store.Discard(staged!.Id).Succeeded);

        Assert.Empty(_store.Staged());
        Assert.False(File.Exists(_store.StagedDatabase(staged.Id)));
        Assert.False(_store.Publish(staged.Id, "tester").Succeeded);
    }

    [Theory]
    [InlineData("../procedures")]
    [InlineData("/etc/passwd")]
    [InlineData("A")]
    [InlineData("")]
    public void A_staged_id_that_is_not_one_of_ours_is_refused(string id)
    {
        Assert.Null(_store.FindStaged(id));
        Assert.False(_store.Publish(id, "tester").Succeeded);
        Assert.False(_store.Discard(id).Succeeded);
    }

    [Fact]
    public void A_failed_import_stages_nothing()
    {
        var (staged, report) = _store.Stage(Options(_temp.CreateFolder("empty")), "tester", "empty");

        Assert.Null(staged);
        Assert.False(report.Succeeded);
        Assert.Empty(_store.Staged());
    }

    [Fact]
    public void Leftovers_of_a_killed_import_or_publish_are_removed_and_the_live_database_kept()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");
        var halfCopied = _live + SqliteContentStore.PublishingSuffix + "0123";
        var halfBuilt = _live + ".building-4567";
        var stagedWithoutReport = Path.Combine(_store.StagingFolder, "20260101-000000-deadbeef.db");
        foreach (var leftover in new[] { halfCopied, halfBuilt, stagedWithoutReport }) File.WriteAllText(leftover, "half");

        _store.RemoveLeftovers();

        Assert.False(File.Exists(halfCopied));
        Assert.False(File.Exists(halfBuilt));
        Assert.False(File.Exists(stagedWithoutReport));
        Assert.Equal("5", Sql.Column(_live, "SELECT count(*) FROM pages")[0]);
    }

    [Fact]
    public void Leftovers_of_a_killed_publish_are_paired_up_and_the_live_note_follows_the_live_file()
    {
        _store.ImportAndPublish(Options(SeedContent.CopyTo(_temp)), "tester", "seeds");
        var (staged, _) = _store.Stage(Options(EditedContent("edited")), "tester", "edited");
        Assert.True(_store.Publish(staged!.Id, "tester").Succeeded);
        var (kept, _) = _store.Stage(Options(EditedContent("again", "Again")), "tester", "again");
        // As a crash leaves them: records half-written, a record without its file and the reverse, and the note of the
        // live version one switch behind (v2's content is live; live.txt still names v1).
        var versions = _store.VersionsFolder;
        var strays = new[]
        {
            Path.Combine(versions, "live.txt.tmp"), Path.Combine(_store.StagingFolder, kept!.Id + ".json.tmp"),
            Path.Combine(versions, "v7.json"), Path.Combine(versions, "v8.db"),
            Path.Combine(_store.StagingFolder, "20260101-000000-deadbeef.json"),
        };
        foreach (var stray in strays) File.WriteAllText(stray, "half");
        File.WriteAllText(Path.Combine(versions, "live.txt"), "1");

        _store.RemoveLeftovers();

        Assert.All(strays, stray => Assert.False(File.Exists(stray), stray));
        Assert.Equal(2, _store.Versions().LiveNumber);
        Assert.Equal([2, 1], _store.Versions().Versions.Select(v => v.Number));
        Assert.Equal(kept.Id, Assert.Single(_store.Staged()).Id);
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
    }
}
