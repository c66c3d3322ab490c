using Xunit.Abstractions;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// The disk fills up during a command-line import, while the site serves: while the new database is being built,
/// and while the publish copies it beside the live one. The import fails with a message that names the file and
/// says the disk is full, exits 1, leaves nothing behind, and the site serves the previous content throughout.
/// </summary>
public sealed class DiskFullTests(KillFixture fixture, ITestOutputHelper output) : IClassFixture<KillFixture>, IDisposable
{
    private const long RoomyDisk = 64L * 1024 * 1024;
    private readonly KillScenario _scenario = new(fixture);

    public void Dispose() => _scenario.Dispose();

    private async Task<(int Exit, string Output)> ImportAsync(long? fileSizeLimitKb = null)
    {
        using var child = ChildProcess.Start(_scenario.DataFolder, ["import", "--allow-removals", "--content", fixture.Corpus, "--db", _scenario.Database], fileSizeLimitKb: fileSizeLimitKb);
        var exit = await child.WaitForExitAsync();
        output.WriteLine(child.Output);
        return (exit, child.Output);
    }

    [Fact]
    public async Task A_disk_that_fills_up_while_the_new_database_is_built_fails_the_import_clearly()
    {
        using var disk = Tmpfs.TryMount(_scenario.DataFolder, RoomyDisk);
        _scenario.PublishSeeds();
        await _scenario.AssertServesAsync(fixture.Seeds);

        (int Exit, string Output) import;
        if (disk is not null)
        {
            output.WriteLine($"a real full disk: a tmpfs on the data folder with room for half of the new database ({fixture.GeneratedBytes / 2:N0} bytes)");
            disk.Resize(disk.Used + fixture.GeneratedBytes / 2);
            import = await ImportAsync();
            Assert.Contains("the disk is full", import.Output, StringComparison.Ordinal);
        }
        else
        {
            output.WriteLine($"no tmpfs here ({DiskConditions.CannotMount}): a file-size cap (ulimit -f) of half the new database instead");
            import = await ImportAsync(fileSizeLimitKb: fixture.GeneratedBytes / 2 / 1024);
            Assert.Contains("writing to the disk failed", import.Output, StringComparison.Ordinal);
        }

        Assert.Equal(1, import.Exit);
        Assert.Contains($"FAILED: could not write {_scenario.Database}.building-", import.Output, StringComparison.Ordinal);
        Assert.Contains("the live content was left as it was", import.Output, StringComparison.Ordinal);
        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Equal(1, _scenario.Store.Versions().LiveNumber);

        disk?.Resize(RoomyDisk);
        _scenario.AssertImportsAgain();
    }

    [MountFact]
    public async Task A_disk_that_fills_up_while_the_publish_copies_fails_it_clearly_and_keeps_the_version()
    {
        using var disk = Tmpfs.TryMount(_scenario.DataFolder, RoomyDisk)!;
        _scenario.PublishSeeds();
        await _scenario.AssertServesAsync(fixture.Seeds);
        // Room to build the new database and keep it, not to copy it beside the live one as well.
        disk.Resize(disk.Used + fixture.GeneratedBytes * 3 / 2);

        var (exit, text) = await ImportAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"FAILED: could not replace the live database {_scenario.Database}: No space left on device", text, StringComparison.Ordinal);
        Assert.Contains("the live content is unchanged, and the import is kept as v2", text, StringComparison.Ordinal);
        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        var store = _scenario.Store;
        Assert.Equal(1, store.Versions().LiveNumber);

        disk.Resize(RoomyDisk);
        Assert.True(store.Rollback(2, "test").Succeeded, "with room again, the kept version is made live");
        await _scenario.AssertServesAsync(fixture.Generated);
    }
}
