using Microsoft.Data.Sqlite;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Sqlite;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Publishing;

/// <summary>
/// A live database damaged in place (cut in half, pages overwritten) is put back from an intact kept version by the
/// store itself, over real files: the version noted live first, else the newest intact one; with none intact, the
/// damage is reported and nothing is switched.
/// </summary>
public sealed class LiveRepairTests : IDisposable
{
    private const string Edited = "Edited summary: this thrombectomy";
    private readonly TempFolder _temp = new();
    private readonly string _live;
    private readonly SqliteContentStore _store;

    public LiveRepairTests()
    {
        _live = _temp.Combine("data", "procedures.db");
        _store = new SqliteContentStore(_live);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>v1 the seed pages, v2 the seeds with 37188's summary edited (live).</summary>
    private void PublishTwoVersions()
    {
        Assert.True(_store.ImportAndPublish(new ImportOptions(SeedContent.CopyTo(_temp)), "tester", "seeds").Published?.Succeeded);
        var edited = SeedContent.CopyTo(_temp, "edited");
        var file = Path.Combine(edited, SeedContent.FileOf("37188"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", Edited + " is", StringComparison.Ordinal));
        Assert.True(_store.ImportAndPublish(new ImportOptions(edited), "tester", "edited").Published?.Succeeded);
        Assert.Equal(2, _store.Versions().LiveNumber);
    }

    private string VersionFile(int number) => Path.Combine(_store.VersionsFolder, $"v{number}.db");

    internal static void CutInHalf(string database)
    {
        SqliteFiles.Release(database);
        using var file = new FileStream(database, FileMode.Open, FileAccess.Write);
        file.SetLength(file.Length / 2);
    }

    private string LiveSummaryOf37188() =>
        Sql.Column(_live, "SELECT s.Markdown FROM sections s JOIN pages p ON p.Id = s.PageId WHERE p.Code = '37188' AND s.Kind = 'summary'")[0];

    private static string Integrity(string database)
    {
        try { return string.Join("; ", Sql.Column(database, "PRAGMA integrity_check")); }
        finally { SqliteFiles.Release(database); }
    }

    [Fact]
    public void Intact_live_content_is_left_alone()
    {
        PublishTwoVersions();
        var before = File.GetLastWriteTimeUtc(_live);

        Assert.Equal(LiveState.Intact, _store.RepairLive(LiveCheck.Full).State);
        Assert.Equal(LiveState.Intact, _store.RepairLive(LiveCheck.Quick).State);
        Assert.Equal(before, File.GetLastWriteTimeUtc(_live));
        Assert.Null(_store.LastRepair());
    }

    [Fact]
    public void A_live_file_cut_in_half_is_put_back_from_the_version_noted_live_by_the_quick_check()
    {
        PublishTwoVersions();
        CutInHalf(_live);

        var repair = _store.RepairLive(LiveCheck.Quick);

        Assert.Equal(LiveState.Repaired, repair.State);
        Assert.Equal(2, repair.RestoredVersion);
        Assert.Contains("procedures.db is cut short", repair.Damage, StringComparison.Ordinal);
        Assert.Equal("ok", Integrity(_live));
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
        Assert.Equal(2, _store.Versions().LiveNumber);
        Assert.Equal(repair, _store.LastRepair());
        Assert.Equal(LiveState.Intact, _store.RepairLive(LiveCheck.Full).State);
    }

    [Fact]
    public void Pages_overwritten_in_the_middle_are_found_by_the_full_check_only_and_put_back()
    {
        PublishTwoVersions();
        SqliteFiles.Release(_live);
        var length = new FileInfo(_live).Length;
        using (var file = new FileStream(_live, FileMode.Open, FileAccess.Write))
        {
            file.Position = length / 3;
            file.Write(new byte[length / 3]);
        }

        Assert.Equal(LiveState.Intact, _store.RepairLive(LiveCheck.Quick).State);
        var repair = _store.RepairLive(LiveCheck.Full);

        Assert.Equal(LiveState.Repaired, repair.State);
        Assert.Contains("fails SQLite's check", repair.Damage, StringComparison.Ordinal);
        Assert.Equal("ok", Integrity(_live));
    }

    [Fact]
    public void A_rollback_is_honoured_over_a_newer_version()
    {
        PublishTwoVersions();
        Assert.True(_store.Rollback(1, "tester").Succeeded);
        CutInHalf(_live);

        Assert.Equal(1, _store.RepairLive(LiveCheck.Quick).RestoredVersion);
        Assert.DoesNotContain(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_kept_copy_of_the_live_version_is_damaged_too_the_newest_intact_version_is_put_back()
    {
        PublishTwoVersions();
        CutInHalf(_live);
        CutInHalf(VersionFile(2));

        var repair = _store.RepairLive(LiveCheck.Quick);

        Assert.Equal((LiveState.Repaired, 1), (repair.State, repair.RestoredVersion));
        Assert.Equal("ok", Integrity(_live));
        Assert.Equal(1, _store.Versions().LiveNumber);
    }

    [Fact]
    public void With_no_intact_version_the_damage_is_reported_until_an_import_is_published()
    {
        PublishTwoVersions();
        CutInHalf(_live);
        CutInHalf(VersionFile(1));
        CutInHalf(VersionFile(2));
        var damaged = File.ReadAllBytes(_live);

        var repair = _store.RepairLive(LiveCheck.Full);

        Assert.Equal(LiveState.Unrepairable, repair.State);
        Assert.Null(repair.RestoredVersion);
        Assert.Equal(damaged, File.ReadAllBytes(_live));
        Assert.Equal(LiveState.Unrepairable, _store.LastRepair()?.State);
        Assert.Contains("no kept version is intact", repair.Describe(), StringComparison.Ordinal);

        // The way out: a new import, staged and reviewed against no readable live content, then published.
        var (staged, _) = _store.Stage(new ImportOptions(SeedContent.CopyTo(_temp, "again")), "tester", "again");
        Assert.Equal(5, _store.Compare(staged!.Id)!.Added.Count);
        Assert.NotEmpty(_store.Describe(staged.Id, "37188")!);
        Assert.True(_store.Publish(staged.Id, "tester").Succeeded);
        Assert.Equal("ok", Integrity(_live));
        Assert.Null(_store.LastRepair());
        Assert.Equal(LiveState.Intact, _store.RepairLive(LiveCheck.Full).State);
    }

    [Fact]
    public void The_version_noted_live_is_made_live_again_when_its_live_copy_is_damaged()
    {
        PublishTwoVersions();
        Assert.Equal("v2 is already live", _store.Rollback(2, "tester").Message);
        CutInHalf(_live);

        var result = _store.Rollback(2, "tester");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("ok", Integrity(_live));
        Assert.Contains(Edited, LiveSummaryOf37188(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_staged_import_is_compared_with_no_live_content_while_the_live_file_is_damaged()
    {
        PublishTwoVersions();
        var (staged, _) = _store.Stage(new ImportOptions(SeedContent.CopyTo(_temp, "again")), "tester", "again");
        CutInHalf(_live);

        var difference = _store.Compare(staged!.Id);

        Assert.NotNull(difference);
        Assert.Equal(5, difference.Added.Count);
        Assert.NotNull(_store.Describe(staged.Id, "37188"));
    }

    [Fact]
    public void A_missing_live_file_with_kept_versions_is_put_back()
    {
        PublishTwoVersions();
        SqliteConnection.ClearAllPools();
        File.Delete(_live);

        var repair = _store.RepairLive(LiveCheck.Quick);

        Assert.Equal((LiveState.Repaired, 2), (repair.State, repair.RestoredVersion));
        Assert.Contains("procedures.db is missing", repair.Damage, StringComparison.Ordinal);
    }
}
