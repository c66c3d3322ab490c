using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Tests.Search;

/// <summary>The search's in-memory tables follow the content version, and are built once per version however many readers ask at once.</summary>
public sealed class VersionCacheTests
{
    [Fact]
    public async Task Readers_arriving_together_at_a_new_version_build_it_once()
    {
        var cache = new VersionCache<string>();
        var builds = 0;
        using var release = new ManualResetEventSlim();
        var readers = Enumerable.Range(0, 256).Select(_ => Task.Run(() => cache.Get(new ContentVersion(1), () =>
        {
            Interlocked.Increment(ref builds);
            release.Wait(); // the first builder holds the others back until every reader has been started
            return "table";
        }))).ToList();
        release.Set();

        Assert.All(await Task.WhenAll(readers), value => Assert.Equal("table", value));
        Assert.Equal(1, builds);
    }

    [Fact]
    public void Another_version_is_built_again_and_an_old_one_is_not_served()
    {
        var cache = new VersionCache<string>();
        Assert.Equal("v1", cache.Get(new ContentVersion(1), () => "v1"));
        Assert.Equal("v1", cache.Get(new ContentVersion(1), () => "not built"));

        Assert.False(cache.TryGet(new ContentVersion(2), out _));
        Assert.Equal("v2", cache.Get(new ContentVersion(2), () => "v2"));
        Assert.True(cache.TryGet(new ContentVersion(2), out var value));
        Assert.Equal("v2", value);
    }
}
