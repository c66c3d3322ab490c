namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// The command-line import killed with SIGKILL at each step of building the new database (pages being parsed and
/// written, similar codes being written, before the commit, the finished file moved into staging without its
/// report): the live content is the seed pages, whole, the restart serves them and removes what the import left,
/// and the next import runs as usual.
/// </summary>
public sealed class ImportKillTests(KillFixture fixture) : IClassFixture<KillFixture>, IDisposable
{
    private readonly KillScenario _scenario = new(fixture);

    public void Dispose() => _scenario.Dispose();

    [Theory]
    [InlineData(FaultPoint.ImportPages)]
    [InlineData(FaultPoint.ImportSimilarCodes)]
    [InlineData(FaultPoint.ImportCommit)]
    [InlineData(FaultPoint.ImportBuilt)]
    public async Task Killed_while_building_the_live_content_is_whole_and_the_restart_cleans_up(string point)
    {
        var store = _scenario.PublishSeeds();

        await _scenario.KillImportAtAsync(point, atPause: () =>
        {
            // The crash leaves something to clean up: the database being built, or the staged one without its report.
            Assert.NotEmpty(Leftovers.In(_scenario.DataFolder));
            Assert.Equal(fixture.Seeds, DatabaseFacts.Of(_scenario.Database));
        });

        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Equal(1, store.Versions().LiveNumber);
        Assert.Equal([1], store.Versions().Versions.Select(v => v.Number));
        Assert.Empty(store.Staged());
        _scenario.AssertImportsAgain();
    }
}
