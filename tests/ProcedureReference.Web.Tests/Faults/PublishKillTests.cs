namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// The command-line import killed with SIGKILL between staging and publishing, and at each step of the publish:
/// the version kept, the copy beside the live database (mid-copy and complete), either side of the atomic rename,
/// and the first publish's copy of the content live before versions. The live database is always whole, the old
/// content or the new, never a mix; the restart removes what the crash left and knows which version is live.
/// </summary>
public sealed class PublishKillTests(KillFixture fixture) : IClassFixture<KillFixture>, IDisposable
{
    private readonly KillScenario _scenario = new(fixture);

    public void Dispose() => _scenario.Dispose();

    private string VersionsFolder => _scenario.Store.VersionsFolder;

    private string[] PublishingCopies() => Directory.GetFiles(_scenario.DataFolder, "procedures.db.publishing-*");

    [Fact]
    public async Task Killed_after_staging_the_staged_import_stays_for_review_and_publishes()
    {
        var store = _scenario.PublishSeeds();
        await _scenario.KillImportAtAsync(FaultPoint.Staged);

        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        var staged = Assert.Single(store.Staged());
        Assert.True(store.Publish(staged.Id, "test").Succeeded);
        Assert.Equal(fixture.Generated, DatabaseFacts.Of(_scenario.Database));
    }

    [Fact]
    public async Task Killed_after_keeping_the_version_it_is_kept_but_not_live()
    {
        var store = _scenario.PublishSeeds();
        await _scenario.KillImportAtAsync(FaultPoint.PublishKept);

        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Empty(store.Staged());
        Assert.Equal(1, store.Versions().LiveNumber);
        Assert.Equal([2, 1], store.Versions().Versions.Select(v => v.Number));
        Assert.True(store.Rollback(2, "test").Succeeded, "the kept version can be made live");
        Assert.Equal(fixture.Generated, DatabaseFacts.Of(_scenario.Database));
    }

    [Theory]
    [InlineData(FaultPoint.SwitchCopy)]
    [InlineData(FaultPoint.SwitchBeforeRename)]
    public async Task Killed_while_copying_beside_the_live_database_the_old_content_stays_live(string point)
    {
        var store = _scenario.PublishSeeds();
        await _scenario.KillImportAtAsync(point, atPause: () =>
        {
            var copy = new FileInfo(Assert.Single(PublishingCopies()));
            var version = new FileInfo(Path.Combine(VersionsFolder, "v2.db"));
            if (point == FaultPoint.SwitchCopy) Assert.True(copy.Length < version.Length, $"mid-copy: {copy.Length} of {version.Length} bytes");
            else Assert.Equal(version.Length, copy.Length);
        });

        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Equal(1, store.Versions().LiveNumber);
        Assert.Equal([2, 1], store.Versions().Versions.Select(v => v.Number));
        _scenario.AssertImportsAgain();
    }

    [Fact]
    public async Task Killed_just_after_the_rename_the_new_content_is_live_and_the_restart_says_so()
    {
        var store = _scenario.PublishSeeds();
        await _scenario.KillImportAtAsync(FaultPoint.SwitchAfterRename, atPause: () =>
        {
            Assert.Equal(fixture.Generated, DatabaseFacts.Of(_scenario.Database));
            Assert.Equal("1", File.ReadAllText(Path.Combine(VersionsFolder, "live.txt")).Trim()); // one step behind
        });

        await _scenario.AssertServesAsync(fixture.Generated);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Equal(2, store.Versions().LiveNumber);
        Assert.True(store.Rollback(1, "test").Succeeded);
        Assert.Equal(fixture.Seeds, DatabaseFacts.Of(_scenario.Database));
    }

    [Fact]
    public async Task Killed_while_keeping_the_content_live_before_versions_the_partial_copy_is_removed()
    {
        _scenario.ImportSeedsWithoutVersions();
        await _scenario.KillImportAtAsync(FaultPoint.KeepLiveCopy, atPause: () =>
        {
            var copy = new FileInfo(Path.Combine(VersionsFolder, "v1.db"));
            Assert.True(copy.Length < new FileInfo(_scenario.Database).Length, $"mid-copy: {copy.Length} bytes");
        });

        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        var store = _scenario.Store;
        Assert.Empty(store.Versions().Versions);
        var staged = Assert.Single(store.Staged());
        Assert.True(store.Publish(staged.Id, "test").Succeeded);
        Assert.Equal(fixture.Generated, DatabaseFacts.Of(_scenario.Database));
        Assert.Equal([2, 1], store.Versions().Versions.Select(v => v.Number));
    }
}
