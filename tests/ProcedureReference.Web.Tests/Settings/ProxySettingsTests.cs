using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Settings;

/// <summary>
/// The Proxy and Site sections: lists given as one value or as a list, each entry checked at start, a bad one named
/// in one line as every other setting is; and AllowedHosts, the production answer to requests for other hosts.
/// </summary>
public sealed class ProxySettingsTests
{
    private const string Addresses = "IP addresses separated by commas (10.0.0.5,10.0.0.6)";
    private const string Networks = "networks in CIDR form separated by commas (10.0.0.0/24,fd00::/64), no bits set past the prefix";
    private const string BaseUrl = "an absolute http:// or https:// URL without a path, query or fragment (https://codes.example.org)";

    [Theory]
    [InlineData("Proxy:KnownProxies", "10.0.0.300", Addresses)]
    [InlineData("Proxy:KnownProxies", "10.5", Addresses)]
    [InlineData("Proxy:KnownProxies", "10.0.0.5,proxy.internal", Addresses)]
    [InlineData("Proxy:KnownProxies", "10.0.0.0/8", Addresses)]
    [InlineData("Proxy:KnownNetworks", "10.0.0.1/8", Networks)]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/33", Networks)]
    [InlineData("Proxy:KnownNetworks", "10.0.0.5", Networks)]
    [InlineData("Proxy:KnownNetworks", "10.0/16", Networks)]
    [InlineData("Site:PublicBaseUrl", "codes.example.org", BaseUrl)]
    [InlineData("Site:PublicBaseUrl", "ftp://codes.example.org", BaseUrl)]
    [InlineData("Site:PublicBaseUrl", "https://codes.example.org/reference", BaseUrl)]
    [InlineData("Site:PublicBaseUrl", "https://codes.example.org/?page=1", BaseUrl)]
    [InlineData("Site:PublicBaseUrl", "https://codes.example.org#top", BaseUrl)]
    [InlineData("Site:PublicBaseUrl", "https://user:secret@codes.example.org", BaseUrl)]
    public void A_bad_value_stops_the_start_naming_the_key_the_value_and_what_is_allowed(string key, string value, string allowed)
    {
        using var app = new ConfiguredApp((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Equal($"{key} = '{value}' is not allowed: {allowed}", error.Message);
    }

    [Fact]
    public void A_bad_entry_of_a_list_names_the_whole_list()
    {
        using var app = new ConfiguredApp(("Proxy:KnownProxies:0", "10.0.0.5"), ("Proxy:KnownProxies:1", "proxy.internal"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Equal($"Proxy:KnownProxies = '10.0.0.5,proxy.internal' is not allowed: {Addresses}", error.Message);
    }

    [Fact]
    public void Lists_are_read_from_one_value_with_commas_and_from_a_list()
    {
        using var app = new ConfiguredApp(
            ("Proxy:KnownProxies", " 10.0.0.5, fd00::5 "), ("Proxy:KnownNetworks:0", "10.1.0.0/16"), ("Proxy:KnownNetworks:1", "192.168.0.0/24,fd00:1::/64"),
            ("Site:PublicBaseUrl", "https://codes.example.org"));
        using var client = app.CreateClient();

        var proxy = app.Services.GetRequiredService<ProxyOptions>();
        Assert.Equal(["10.0.0.5", "fd00::5"], proxy.KnownProxies);
        Assert.Equal(["10.1.0.0/16", "192.168.0.0/24", "fd00:1::/64"], proxy.KnownNetworks);
        Assert.Equal("https://codes.example.org", app.Services.GetRequiredService<SiteOptions>().PublicBaseUrl);
    }

    [Fact]
    public void By_default_no_proxy_is_believed_and_no_public_base_url_is_set()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient();

        Assert.False(app.Services.GetRequiredService<ProxyOptions>().TrustsAProxy);
        Assert.Equal("", app.Services.GetRequiredService<SiteOptions>().PublicBaseUrl);
    }

    [Fact]
    public async Task With_allowed_hosts_set_a_request_for_another_host_gets_400()
    {
        using var app = new ConfiguredApp(("AllowedHosts", "codes.example.org"));
        using var other = app.CreateClient(new() { BaseAddress = new Uri("http://upstream.internal") });
        using var allowed = app.CreateClient(new() { BaseAddress = new Uri("https://codes.example.org") });

        using var refused = await other.GetAsync("/");
        using var answered = await allowed.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }
}
