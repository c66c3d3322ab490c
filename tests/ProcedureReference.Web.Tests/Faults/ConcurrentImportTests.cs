using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// Two imports into one database at once, as real processes: a command-line import paused while it holds the import
/// lock (parsing its pages), then a second command-line import, or the admin's background import in the running
/// site. The second is refused at once with a clear message (exit 1 from the command line) and the first, let go
/// on, publishes: the live content is the one that ran.
/// </summary>
public sealed class ConcurrentImportTests(KillFixture fixture) : IClassFixture<KillFixture>, IDisposable
{
    private const string Refusal = "another import into this database is running; try again when it has finished";
    private readonly KillScenario _scenario = new(fixture);

    public void Dispose() => _scenario.Dispose();

    /// <summary>The corpus import, paused while it holds the lock.</summary>
    private async Task<ChildProcess> StartHoldingImportAsync()
    {
        var first = ChildProcess.Start(_scenario.DataFolder, ["import", "--allow-removals", "--content", fixture.Corpus, "--db", _scenario.Database], pauseAt: FaultPoint.ImportPages);
        await first.WaitForFaultPointAsync(FaultPoint.ImportPages);
        return first;
    }

    private async Task AssertFirstPublishesAsync(ChildProcess first)
    {
        first.Resume();
        Assert.True(await first.WaitForExitAsync() == 0, first.Output);
        await _scenario.AssertServesAsync(fixture.Generated);
        Assert.Equal([2, 1], _scenario.Store.Versions().Versions.Select(v => v.Number));
        Leftovers.AssertNone(_scenario.DataFolder);
    }

    [Fact]
    public async Task Of_two_command_line_imports_the_second_is_refused_and_the_first_publishes()
    {
        _scenario.PublishSeeds();
        using var first = await StartHoldingImportAsync();

        using var second = ChildProcess.Start(_scenario.DataFolder, ["import", "--allow-removals", "--content", fixture.OtherCorpus, "--db", _scenario.Database]);
        Assert.Equal(1, await second.WaitForExitAsync());
        Assert.Contains("FAILED: " + Refusal, second.Output, StringComparison.Ordinal);
        Assert.Equal(fixture.Seeds, DatabaseFacts.Of(_scenario.Database));

        await AssertFirstPublishesAsync(first);
    }

    [Fact]
    public async Task While_the_command_line_imports_the_admin_import_is_refused()
    {
        _scenario.PublishSeeds();
        await _scenario.AssertServesAsync(fixture.Seeds);
        using var first = await StartHoldingImportAsync();

        var runner = _scenario.Services.GetRequiredService<ImportRunner>();
        Assert.True(runner.TryStart(fixture.OtherCorpus, "folder " + fixture.OtherCorpus, "alice"));
        await runner.Current.WaitAsync(ChildProcess.Budget);
        Assert.False(runner.Status.LastSucceeded);
        Assert.Equal(Refusal, runner.Status.LastMessage);
        Assert.Empty(_scenario.Store.Staged());

        await AssertFirstPublishesAsync(first);
    }
}
