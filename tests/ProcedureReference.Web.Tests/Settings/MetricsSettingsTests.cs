using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Settings;

/// <summary>The Metrics and Instance sections are checked at start like every other.</summary>
public sealed class MetricsSettingsTests
{
    [Theory]
    [InlineData("Metrics:Enabled", "maybe", "true or false")]
    [InlineData("Metrics:Port", "0", "a port number from 1 to 65535, not one of the site's URLs")]
    [InlineData("Metrics:Port", "70000", "a port number from 1 to 65535, not one of the site's URLs")]
    [InlineData("Metrics:Address", "localhost", "an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every network)")]
    [InlineData("Instance:Name", "web 1", "1 to 100 letters, digits, '.', '_', ':' or '-'")]
    [InlineData("Instance:Name", "web\u001b[31m", "1 to 100 letters, digits, '.', '_', ':' or '-'")]
    public void A_bad_value_stops_the_start_naming_the_key_the_value_and_what_is_allowed(string key, string value, string allowed)
    {
        using var app = new ConfiguredApp((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Equal($"{key} = '{value}' is not allowed: {allowed}", error.Message);
    }

    [Fact]
    public void The_scrape_may_not_share_a_port_with_the_site()
    {
        using var app = new ConfiguredApp(("Urls", "http://127.0.0.1:5999;http://127.0.0.1:6000"), ("Metrics:Enabled", "true"), ("Metrics:Port", "6000"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Equal("Metrics:Port = '6000' is not allowed: a port number from 1 to 65535, not one of the site's URLs", error.Message);
    }

    [Fact]
    public void Settings_reach_the_options()
    {
        using var app = new ConfiguredApp(("Metrics:Enabled", "true"), ("Metrics:Port", "9999"), ("Metrics:Address", "0.0.0.0"), ("Instance:Name", "web-7"));
        using var client = app.CreateClient();

        var metrics = app.Services.GetRequiredService<MetricsOptions>();
        Assert.True(metrics.Enabled);
        Assert.Equal("http://0.0.0.0:9999", metrics.Url);
        Assert.Equal("web-7", app.Services.GetRequiredService<InstanceOptions>().Name);
    }
}
