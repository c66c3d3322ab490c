using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// The public rate limits: a client past its budget gets 429 with Retry-After, the error page or problem details;
/// static files are never limited; RateLimits:Enabled=false switches the public limits off but not the sign-in one.
/// Each test starts its own app, so that budgets are not shared between tests. Windows are long (10 minutes), so
/// nothing refills during a test.
/// </summary>
public class RateLimitTests
{
    private static ConfiguredApp App(params (string, string)[] settings) =>
        new([("RateLimits:WindowSeconds", "600"), .. settings]);

    [Fact]
    public async Task A_search_past_the_budget_gets_429_with_retry_after_and_the_error_page()
    {
        using var app = App(("RateLimits:SearchPermits", "3"));
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync($"/search?q=clot{i}");
            statuses.Add(allowed.StatusCode);
        }
        using var refused = await client.GetAsync("/search?q=clot");
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta?.TotalSeconds >= 1, refused.Headers.RetryAfter?.ToString());
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Too many requests: please wait a moment</h1>", page, StringComparison.Ordinal);
        Assert.Matches("request id <code>[^<]+</code>", page);
        Assert.True(refused.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_api_past_the_budget_gets_problem_details_and_search_and_suggest_share_one_budget()
    {
        using var app = App(("RateLimits:SearchPermits", "3"));
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync($"/api/search?q=clot{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync("/api/suggest?q=clo");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("requestId").GetString()));
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Code_pages_have_their_own_budget_and_cached_answers_count_too()
    {
        using var app = App(("RateLimits:SearchPermits", "1"), ("RateLimits:PagePermits", "5"));
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync("/codes/37188");
            statuses.Add(response.StatusCode);
        }
        using var search = await client.GetAsync("/search?q=clot");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task Static_files_are_never_limited()
    {
        using var app = App(("RateLimits:SearchPermits", "1"), ("RateLimits:PagePermits", "1"));
        using var client = app.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(i % 2 == 0 ? "/css/site.css" : "/js/suggest.js");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Each_client_address_has_its_own_budget()
    {
        using var app = new ConfiguredApp(("RateLimits:WindowSeconds", "600"), ("RateLimits:SearchPermits", "2")) { OnKestrel = true };
        var server = app.ServerAddress();

        var first = new List<int>();
        for (var i = 0; i < 3; i++) first.Add((await RawHttp.SendAsync(server, $"/api/search?q=clot{i}", from: IPAddress.Loopback)).Status);
        var other = await RawHttp.SendAsync(server, "/api/search?q=clot", from: IPAddress.Parse("127.0.0.2"));

        Assert.Equal([200, 200, 429], first);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task Switched_off_the_public_limits_let_everything_through()
    {
        using var app = App(("RateLimits:Enabled", "false"), ("RateLimits:SearchPermits", "1"), ("RateLimits:PagePermits", "1"));
        using var client = app.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            foreach (var url in new[] { $"/search?q=clot{i}", $"/api/search?q=clot{i}", $"/api/suggest?q=cl{i}", "/codes/37188", "/" })
            {
                using var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task The_sign_in_limit_stays_on_when_the_public_limits_are_off()
    {
        using var app = App(("RateLimits:Enabled", "false"), ("Admin:LoginAttemptsPerMinute", "2"));
        using var session = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await session.SignInAsync("nobody", "wrong password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Clients_are_told_apart_by_address_and_ipv6_by_its_64_prefix(string address, string key)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(key, RateLimits.ClientKey(context));
    }
}
