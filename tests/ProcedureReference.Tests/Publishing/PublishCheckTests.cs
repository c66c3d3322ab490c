using ProcedureReference.Importing;
using ProcedureReference.Postgres;
using ProcedureReference.Publishing;
using ProcedureReference.Sqlite;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Publishing;

/// <summary>
/// What a publish checks against the live content, on each engine's real store: an import that changes nothing is
/// never published (so the kept versions never fill with copies), and one that removes many codes needs their
/// number confirmed. Both are decided at the publish, against what is live then.
/// </summary>
public abstract class PublishCheckTests : IDisposable
{
    private const int Keep = 3;

    protected PublishCheckTests() => Seeds = SeedContent.CopyTo(Temp);

    protected TempFolder Temp { get; } = new();

    protected abstract IContentStore Store { get; }

    private string Seeds { get; }

    public virtual void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static int KeepVersions => Keep;

    private StoreResult Publish(string content, string source, PublishCheck? check = null) =>
        Store.ImportAndPublish(new ImportOptions(content), "tester", source, check: check).Published!;

    private StagedImport Stage(string content) => Stage(new ImportOptions(content));

    private StagedImport Stage(ImportOptions options) => Store.Stage(options, "tester", "staged").Staged!;

    private string Edited(string name, string folderName = "")
    {
        var folder = SeedContent.CopyTo(Temp, folderName.Length > 0 ? folderName : name);
        var file = Path.Combine(folder, SeedContent.FileOf("37188"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", name + " is", StringComparison.Ordinal));
        return folder;
    }

    private string Without(string name, params string[] codes)
    {
        var folder = SeedContent.CopyTo(Temp, name);
        foreach (var code in codes) File.Delete(Path.Combine(folder, SeedContent.FileOf(code)));
        return folder;
    }

    [EngineFact]
    public void An_import_with_the_same_content_is_not_published_nor_left_staged()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);
        var before = Store.Versions();

        var again = Publish(SeedContent.CopyTo(Temp, "again"), "again");

        Assert.False(again.Succeeded);
        Assert.Equal(PublishBlock.NoChanges, again.Blocked);
        Assert.Contains("nothing to publish", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, Store.Versions(), VersionsComparer);
        Assert.Empty(Store.Staged());
    }

    [EngineFact]
    public void Unchanged_imports_never_push_the_original_content_out_of_the_kept_versions()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);
        var original = Store.Versions().LiveNumber;

        for (var i = 0; i <= KeepVersions; i++) Publish(SeedContent.CopyTo(Temp, $"copy{i}"), $"copy {i}");

        var versions = Store.Versions();
        Assert.Equal(original, versions.LiveNumber);
        Assert.Single(versions.Versions);
    }

    [EngineFact]
    public void The_review_says_when_a_staged_import_is_the_live_content()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);

        var same = Store.Compare(Stage(SeedContent.CopyTo(Temp, "same")).Id)!;
        var edited = Store.Compare(Stage(Edited("edited")).Id)!;

        Assert.True(same.SameContent);
        Assert.True(same.IsEmpty);
        Assert.False(edited.SameContent);
        Assert.Single(edited.Changed);
    }

    [EngineFact]
    public void Other_similar_codes_are_a_change_though_no_page_changed()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);
        var fewer = Stage(new ImportOptions(SeedContent.CopyTo(Temp, "fewer-similar")) { SimilarCount = 1 });

        var difference = Store.Compare(fewer.Id)!;

        Assert.True(difference.IsEmpty);
        Assert.False(difference.SameContent);
        Assert.True(Store.Publish(fewer.Id, "tester").Succeeded);
    }

    [EngineFact]
    public void A_corrected_glossary_is_a_change_though_no_page_changed()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);
        var folder = SeedContent.CopyTo(Temp, "new-glossary");
        File.AppendAllText(Path.Combine(folder, ProcedureReference.Reading.Glossary.FileName), "\nvenule,A very small vein.\n");
        var staged = Stage(folder);

        var difference = Store.Compare(staged.Id)!;

        Assert.True(difference.IsEmpty);
        Assert.False(difference.SameContent);
        Assert.True(Store.Publish(staged.Id, "tester").Succeeded);
    }

    [EngineFact]
    public void Sameness_is_decided_at_the_publish_against_what_is_live_then()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);
        var staged = Stage(Edited("edited"));
        Assert.Single(staged.Report.Changed);
        Assert.True(Publish(Edited("edited", "edited-again"), "the same edit, published first").Succeeded);

        var result = Store.Publish(staged.Id, "tester");

        Assert.Equal(PublishBlock.NoChanges, result.Blocked);
    }

    [EngineFact]
    public void Removing_more_than_the_share_needs_the_number_confirmed()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);
        var staged = Stage(Without("fewer", "37188"));
        var difference = Store.Compare(staged.Id)!;
        Assert.Equal(5, difference.LiveCodes);
        Assert.True(difference.NeedsRemovalConfirmation(10));
        Assert.False(difference.NeedsRemovalConfirmation(20));
        var live = Store.Versions().LiveNumber;

        var unconfirmed = Store.Publish(staged.Id, "tester", new PublishCheck(10));
        var wrongNumber = Store.Publish(staged.Id, "tester", new PublishCheck(10, ConfirmedRemovals: 2));

        Assert.Equal(PublishBlock.Removals, unconfirmed.Blocked);
        Assert.Contains("removes 1 of the 5 live codes (20%)", unconfirmed.Message, StringComparison.Ordinal);
        Assert.Equal(PublishBlock.Removals, wrongNumber.Blocked);
        Assert.Equal(live, Store.Versions().LiveNumber);
        Assert.NotNull(Store.FindStaged(staged.Id));

        var confirmed = Store.Publish(staged.Id, "tester", new PublishCheck(10, ConfirmedRemovals: 1));

        Assert.True(confirmed.Succeeded, confirmed.Message);
        Assert.NotEqual(live, Store.Versions().LiveNumber);
    }

    [EngineFact]
    public void Removals_within_the_share_need_no_confirmation()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);

        var result = Publish(Without("fewer", "37188"), "fewer", new PublishCheck(20));

        Assert.True(result.Succeeded, result.Message);
    }

    [EngineFact]
    public void An_import_refused_for_its_removals_is_not_left_staged()
    {
        Assert.True(Publish(Seeds, "seeds").Succeeded);

        var result = Publish(Without("fewer", "37188", "78458"), "fewer", new PublishCheck(10));

        Assert.Equal(PublishBlock.Removals, result.Blocked);
        Assert.Contains("removes 2 of the 5 live codes (40%)", result.Message, StringComparison.Ordinal);
        Assert.Empty(Store.Staged());
    }

    private static readonly IEqualityComparer<VersionList> VersionsComparer = EqualityComparer<VersionList>.Create(
        (a, b) => a!.LiveNumber == b!.LiveNumber && a.Versions.SequenceEqual(b.Versions),
        v => v.LiveNumber.GetHashCode());
}

public sealed class SqlitePublishCheckTests : PublishCheckTests
{
    private readonly SqliteContentStore _store;

    public SqlitePublishCheckTests() => _store = new SqliteContentStore(Temp.Combine("data", "procedures.db"), KeepVersions);

    protected override IContentStore Store => _store;
}

public sealed class PostgresPublishCheckTests : PublishCheckTests, IOnPostgres
{
    private readonly TestDatabase? _database;
    private readonly PostgresContentStore? _store;

    public PostgresPublishCheckTests()
    {
        if (!TestDatabase.Available) return;
        _database = TestDatabase.Create();
        _store = new PostgresContentStore(new PostgresOptions { ConnectionString = _database.ConnectionString, KeepVersions = KeepVersions });
    }

    protected override IContentStore Store => _store!;

    public override void Dispose()
    {
        _store?.Pruning.Wait();
        _database?.Dispose();
        base.Dispose();
    }
}
