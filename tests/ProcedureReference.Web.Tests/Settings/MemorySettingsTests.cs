using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Settings;

/// <summary>The Memory section: checked at start like every other, and what it sets reaches the output cache and the idle trim.</summary>
public sealed class MemorySettingsTests
{
    [Theory]
    [InlineData("Memory:TrimWhenIdle", "sometimes", "true or false")]
    [InlineData("Memory:IdleSeconds", "0", "a whole number of seconds from 1 to 3600 (an hour)")]
    [InlineData("Memory:IdleSeconds", "3601", "a whole number of seconds from 1 to 3600 (an hour)")]
    [InlineData("Memory:OutputCacheMegabytes", "0", "a whole number of megabytes from 1 to 4096")]
    [InlineData("Memory:OutputCacheMegabytes", "lots", "a whole number of megabytes from 1 to 4096")]
    public void A_bad_value_stops_the_start_naming_the_key_the_value_and_what_is_allowed(string key, string value, string allowed)
    {
        using var app = new ConfiguredApp((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Equal($"{key} = '{value}' is not allowed: {allowed}", error.Message);
    }

    [Fact]
    public void The_output_cache_is_bounded_by_the_setting_and_64_MB_by_default()
    {
        using (var app = new ConfiguredApp())
        {
            using var client = app.CreateClient();
            Assert.Equal(64L * 1024 * 1024, app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
            Assert.True(app.Services.GetRequiredService<MemoryOptions>().TrimWhenIdle);
        }
        using (var app = new ConfiguredApp(("Memory:OutputCacheMegabytes", "8"), ("Memory:TrimWhenIdle", "false"), ("Memory:IdleSeconds", "30")))
        {
            using var client = app.CreateClient();
            Assert.Equal(8L * 1024 * 1024, app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
            var memory = app.Services.GetRequiredService<MemoryOptions>();
            Assert.False(memory.TrimWhenIdle);
            Assert.Equal(30, memory.IdleSeconds);
        }
    }

    [Fact]
    public async Task The_site_is_not_idle_while_a_request_runs_and_is_once_it_ends()
    {
        using var app = new ConfiguredApp();
        var activity = app.Services.GetRequiredService<MemoryTrim.RequestActivity>();
        using var client = app.CreateClient();

        activity.Started();
        Assert.False(activity.IdleFor(TimeSpan.Zero));
        activity.Finished();
        Assert.True(activity.IdleFor(TimeSpan.Zero));
        Assert.False(activity.IdleFor(TimeSpan.FromHours(1)));

        // A request through the site counts as one too, and leaves the site idle when answered.
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).Dispose();
        Assert.True(activity.IdleFor(TimeSpan.Zero));
    }

    [Fact]
    public async Task A_trim_leaves_the_site_serving_searches_from_fresh_connections()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient();
        using var before = await client.GetAsync(new Uri("/search?q=knee", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);

        MemoryTrim.Trim(app.Services.GetRequiredService<ProcedureReference.Storage.IStorageEngine>());

        using var after = await client.GetAsync(new Uri("/search?q=shoulder", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
    }
}
