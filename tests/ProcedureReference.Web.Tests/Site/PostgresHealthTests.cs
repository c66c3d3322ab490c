using ProcedureReference.Testing;
using ProcedureReference.Web.Tests.Support;
using Xunit.Abstractions;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>
/// /health on PostgreSQL: a database server that is down is a 503 with the reason (and readers get the calm busy
/// page), and the site answers again by itself once the server is back, with no restart.
/// </summary>
public class PostgresHealthTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_database_server_that_is_down_is_unhealthy_with_the_reason_and_the_site_recovers_when_it_is_back()
    {
        // A cluster of its own: the run's shared one serves every other test class.
        using var server = PostgresServer.Start();
        using var app = new ConfiguredApp(server);
        using var client = app.CreateClient();
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        using (var page = await client.GetAsync("/codes/37188")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        server.StopServer();

        var (status, reason) = await HealthTests.HealthAsync(client);
        output.WriteLine($"/health with the server down: {(int)status} {reason}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False(string.IsNullOrWhiteSpace(reason));
        // A page not asked for before (the output cache still serves the ones that were).
        using (var down = await client.GetAsync("/codes/78458"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var page = await down.Content.ReadAsStringAsync();
            Assert.Contains("<h1>The reference is busy: please try again in a moment</h1>", page, StringComparison.Ordinal);
            AssertNoLeak(page, server);
        }
        using (var api = await client.GetAsync("/api/codes/34421"))
        {
            var body = await api.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            AssertNoLeak(body, server);
        }

        server.StartServer();

        // The site reconnects by itself: ask until /health is green again. The deadline only bounds a hang.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var health = HttpStatusCode.ServiceUnavailable;
        while (health != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health");
            health = response.StatusCode;
            if (health != HttpStatusCode.OK) await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        Assert.Equal(HttpStatusCode.OK, health);
        foreach (var url in new[] { "/codes/37188", "/search?q=clot", "/api/suggest?q=thromb", "/browse", "/sitemap.xml" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} after the server came back: {response.StatusCode}");
        }
    }

    /// <summary>Nothing of the engine, its error or where the server is reaches a reader.</summary>
    private static void AssertNoLeak(string body, PostgresServer server)
    {
        foreach (var leak in new[] { "Exception", "Npgsql", "Postgres", "127.0.0.1", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "   at " })
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"the answer shows '{leak}':\n{body[..Math.Min(body.Length, 2000)]}");
    }

    [PostgresFact]
    public async Task Content_without_pages_is_unhealthy_with_the_reason()
    {
        using var app = new ConfiguredApp(Engine.Postgres);
        using var client = app.CreateClient();
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        app.ExecutePostgres("DELETE FROM pages");

        var (status, reason) = await HealthTests.HealthAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("the reference holds no pages", reason);
    }
}
