using Xunit.Abstractions;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// The database's folder read-only when an import starts, and the live database file made read-only in the middle
/// of one (root ignores file modes, so: a read-only remount of the folder's tmpfs, chattr +i, or chmod where not
/// root; each test says which). The import fails with a message that names the file and the reason, exits 1, and the
/// site serves the previous content; once the disk can be written again the store carries on.
/// </summary>
public sealed class ReadOnlyTests(KillFixture fixture, ITestOutputHelper output) : IClassFixture<KillFixture>, IDisposable
{
    private readonly KillScenario _scenario = new(fixture);

    public void Dispose() => _scenario.Dispose();

    /// <summary>The data folder made read-only, the strongest way available; undone on dispose.</summary>
    private IDisposable MakeFolderReadOnly(Tmpfs? disk)
    {
        var folder = _scenario.DataFolder;
        if (disk is not null)
        {
            output.WriteLine("read-only: the data folder's tmpfs remounted read-only");
            disk.MakeReadOnly();
            return new DiskConditions.Undo(disk.MakeWritable);
        }
        if (!DiskConditions.IsRoot)
        {
            output.WriteLine("read-only: chmod a-w on the data folder");
            DiskConditions.MustRun("chmod", "a-w", folder);
            return new DiskConditions.Undo(() => DiskConditions.MustRun("chmod", "u+w", folder));
        }
        output.WriteLine($"read-only: chattr +i on the data folder (no tmpfs here: {DiskConditions.CannotMount})");
        return DiskConditions.TryMakeImmutable(folder) ?? throw new InvalidOperationException("chattr +i is not possible here either");
    }

    private async Task<(int Exit, string Output)> ImportAsync(string? pauseAt = null, Action? atPause = null)
    {
        using var child = ChildProcess.Start(Path.GetTempPath(), ["import", "--allow-removals", "--content", fixture.Corpus, "--db", _scenario.Database], pauseAt);
        if (pauseAt is not null)
        {
            await child.WaitForFaultPointAsync(pauseAt);
            atPause?.Invoke();
            child.Resume();
        }
        var exit = await child.WaitForExitAsync();
        output.WriteLine(child.Output);
        return (exit, child.Output);
    }

    [Fact]
    public async Task A_read_only_data_folder_fails_the_import_clearly_and_the_site_serves_on()
    {
        using var disk = Tmpfs.TryMount(_scenario.DataFolder, 64L * 1024 * 1024);
        _scenario.PublishSeeds();
        await _scenario.AssertServesAsync(fixture.Seeds);

        (int Exit, string Output) import;
        using (MakeFolderReadOnly(disk))
        {
            import = await ImportAsync();
            await _scenario.AssertServesAsync(fixture.Seeds);
        }

        Assert.Equal(1, import.Exit);
        Assert.Contains("FAILED: ", import.Output, StringComparison.Ordinal);
        Assert.Contains(_scenario.DataFolder + "/", import.Output, StringComparison.Ordinal);
        Assert.Contains("the live content was left as it was", import.Output, StringComparison.Ordinal);
        if (disk is not null)
            Assert.Contains($"FAILED: cannot lock {_scenario.Database}.import.lock to import: Read-only file system", import.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("another import", import.Output, StringComparison.Ordinal);
        Leftovers.AssertNone(_scenario.DataFolder);
        _scenario.AssertImportsAgain();
    }

    [Fact]
    public async Task A_live_database_made_read_only_mid_import_fails_the_publish_clearly_and_keeps_the_version()
    {
        var store = _scenario.PublishSeeds();
        await _scenario.AssertServesAsync(fixture.Seeds);

        IDisposable? readOnly = null;
        try
        {
            var (exit, text) = await ImportAsync(FaultPoint.SwitchBeforeRename, atPause: () =>
            {
                readOnly = DiskConditions.TryMakeImmutable(_scenario.Database);
                output.WriteLine(readOnly is not null ? "read-only: chattr +i on the live database file" : "read-only: chmod a-w on the data folder (not root)");
                readOnly ??= MakeFolderReadOnly(disk: null);
            });
            await _scenario.AssertServesAsync(fixture.Seeds);

            Assert.Equal(1, exit);
            Assert.Contains($"FAILED: could not replace the live database {_scenario.Database}: Access to the path", text, StringComparison.Ordinal);
            Assert.Contains("the live content is unchanged, and the import is kept as v2", text, StringComparison.Ordinal);
            Assert.Equal(1, store.Versions().LiveNumber);
        }
        finally
        {
            readOnly?.Dispose();
        }

        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.True(store.Rollback(2, "test").Succeeded, "once the file can be replaced, the kept version is made live");
        await _scenario.AssertServesAsync(fixture.Generated);
    }
}
