using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// Behind a reverse proxy (Proxy:KnownProxies, Proxy:KnownNetworks): X-Forwarded-For and X-Forwarded-Proto are
/// believed from a named proxy only, and then decide the client's rate-limit budget and the request's scheme. Over
/// real Kestrel, each request from its own loopback address (any of 127.0.0.0/8 on Linux), so the proxy and the
/// clients are told apart as in production. A budget of 2 searches a 10-minute window: nothing refills during a test.
/// </summary>
public sealed partial class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress OtherProxy = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.4");

    private static ConfiguredApp App(params (string, string)[] settings) =>
        new([("RateLimits:WindowSeconds", "600"), ("RateLimits:SearchPermits", "2"), .. settings]) { OnKestrel = true };

    private static async Task<int> SearchAsync(ConfiguredApp app, IPAddress from, string? forwardedFor = null)
    {
        var headers = forwardedFor is null ? [] : new[] { ("X-Forwarded-For", forwardedFor) };
        return (await RawHttp.SendAsync(app.ServerAddress(), "/api/search?q=clot", headers: headers, from: from)).Status;
    }

    [Fact]
    public async Task Without_a_known_proxy_spoofed_forwarded_addresses_share_the_senders_budget()
    {
        using var app = App();

        int[] statuses = [await SearchAsync(app, Stranger, "203.0.113.1"), await SearchAsync(app, Stranger, "203.0.113.2"), await SearchAsync(app, Stranger, "203.0.113.3")];

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task Through_a_known_proxy_each_forwarded_client_has_its_own_budget()
    {
        using var app = App(("Proxy:KnownProxies", Proxy.ToString()));

        int[] first = [await SearchAsync(app, Proxy, "203.0.113.1"), await SearchAsync(app, Proxy, "203.0.113.1"), await SearchAsync(app, Proxy, "203.0.113.1")];
        var second = await SearchAsync(app, Proxy, "203.0.113.2");

        Assert.Equal([200, 200, 429], first);
        Assert.Equal(200, second);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        using var app = App(("Proxy:KnownProxies", Proxy.ToString()));

        int[] fromStranger = [await SearchAsync(app, Stranger, "203.0.113.1"), await SearchAsync(app, Stranger, "203.0.113.2"), await SearchAsync(app, Stranger, "203.0.113.3")];
        var throughProxy = await SearchAsync(app, Proxy, "203.0.113.1");

        Assert.Equal([200, 200, 429], fromStranger);
        Assert.Equal(200, throughProxy);
    }

    [Fact]
    public async Task Every_proxy_in_a_known_network_is_believed_and_one_client_has_one_budget_through_all_of_them()
    {
        using var app = App(("Proxy:KnownNetworks", "127.0.0.0/30"));

        int[] client = [await SearchAsync(app, Proxy, "203.0.113.1"), await SearchAsync(app, OtherProxy, "203.0.113.1"), await SearchAsync(app, Proxy, "203.0.113.1")];
        var other = await SearchAsync(app, OtherProxy, "203.0.113.2");
        int[] outside = [await SearchAsync(app, Stranger, "203.0.113.5"), await SearchAsync(app, Stranger, "203.0.113.6"), await SearchAsync(app, Stranger, "203.0.113.7")];

        Assert.Equal([200, 200, 429], client);
        Assert.Equal(200, other);
        Assert.Equal([200, 200, 429], outside);
    }

    /// <summary>A proxy that appends (nginx's $proxy_add_x_forwarded_for) passes on what the client wrote before its own entry.</summary>
    [Fact]
    public async Task What_a_client_writes_in_x_forwarded_for_itself_does_not_choose_its_budget()
    {
        using var app = App(("Proxy:KnownProxies", Proxy.ToString()));

        int[] client = [await SearchAsync(app, Proxy, "198.51.100.1, 203.0.113.1"), await SearchAsync(app, Proxy, "198.51.100.2, 203.0.113.1"), await SearchAsync(app, Proxy, "198.51.100.3, 203.0.113.1")];
        var other = await SearchAsync(app, Proxy, "198.51.100.1, 203.0.113.2");

        Assert.Equal([200, 200, 429], client);
        Assert.Equal(200, other);
    }

    [Fact]
    public async Task A_known_proxys_scheme_is_the_requests_and_a_strangers_is_ignored()
    {
        using var app = App(("Proxy:KnownProxies", Proxy.ToString()));
        (string, string)[] https = [("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.1")];

        var throughProxy = await RawHttp.SendAsync(app.ServerAddress(), "/codes/37188", headers: https, from: Proxy);
        var fromStranger = await RawHttp.SendAsync(app.ServerAddress(), "/codes/37188", headers: https, from: Stranger);

        Assert.Equal($"https://{app.ServerAddress().Authority}/codes/37188", Canonical(throughProxy.Body));
        Assert.Equal($"http://{app.ServerAddress().Authority}/codes/37188", Canonical(fromStranger.Body));
    }

    [Fact]
    public async Task The_audit_log_records_the_forwarded_client_address()
    {
        using var app = new ConfiguredApp(("Proxy:KnownProxies", "127.0.0.1")) { OnKestrel = true };
        // HttpClient connects from 127.0.0.1, here the proxy.
        using var session = new AdminSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.ServerAddress() });
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await session.SignInAsync(AdminApp.Name, "not the password");

        var audit = app.Services.GetRequiredService<AdminAccounts>().RecentAudit(10);
        Assert.Contains(audit, entry => entry.Action == "sign in" && entry.Detail == "203.0.113.9");
    }

    private static string? Canonical(string html) => CanonicalLink().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]+)\"")]
    private static partial Regex CanonicalLink();
}
