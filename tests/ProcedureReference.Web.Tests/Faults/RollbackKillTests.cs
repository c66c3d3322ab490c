using System.Globalization;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// The site, in a child process, killed with SIGKILL in the middle of an admin's rollback: mid-copy, the version
/// that was live stays live; just after the rename, the rolled-back content is live and the restart notes it.
/// </summary>
public sealed class RollbackKillTests(KillFixture fixture) : IClassFixture<KillFixture>, IDisposable
{
    private readonly KillScenario _scenario = new(fixture);

    public void Dispose() => _scenario.Dispose();

    /// <summary>v1 the seeds, v2 the corpus (live); the admin asks for v1 and the site is killed at <paramref name="point"/>.</summary>
    private async Task KillRollbackAtAsync(string point, Action atPause)
    {
        _scenario.PublishSeeds();
        _scenario.PublishCorpus();
        using var site = await ChildSite.StartAsync(_scenario.Database, _scenario.ContentPath, pauseAt: point);
        var session = await site.SignInAsync();
        var rollback = session.PostFormAsync("/admin?handler=Rollback", "/admin", new() { ["version"] = 1.ToString(CultureInfo.InvariantCulture), ["confirm"] = "v1" });
        await site.Process.WaitForFaultPointAsync(point);
        atPause();
        await site.Process.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => rollback); // the request died with the site
    }

    [Fact]
    public async Task Killed_mid_copy_the_version_that_was_live_stays_live()
    {
        await KillRollbackAtAsync(FaultPoint.SwitchCopy, atPause: () =>
        {
            var copy = new FileInfo(Assert.Single(Directory.GetFiles(_scenario.DataFolder, "procedures.db.publishing-*")));
            var version = new FileInfo(Path.Combine(_scenario.Store.VersionsFolder, "v1.db"));
            Assert.True(copy.Length < version.Length, $"mid-copy: {copy.Length} of {version.Length} bytes");
        });

        await _scenario.AssertServesAsync(fixture.Generated);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Equal(2, _scenario.Store.Versions().LiveNumber);
    }

    [Fact]
    public async Task Killed_just_after_the_rename_the_rolled_back_content_is_live_and_noted()
    {
        await KillRollbackAtAsync(FaultPoint.SwitchAfterRename, atPause: () =>
            Assert.Equal(fixture.Seeds, DatabaseFacts.Of(_scenario.Database)));

        await _scenario.AssertServesAsync(fixture.Seeds);
        Leftovers.AssertNone(_scenario.DataFolder);
        Assert.Equal(1, _scenario.Store.Versions().LiveNumber);
    }
}
