using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// On PostgreSQL a statement that outruns the request's timeout is cancelled on the server (SQLSTATE 57014) and the
/// reader gets a calm 504 in about that time, as a page or problem details; once the lock is gone the pages answer.
/// </summary>
public class PostgresTimeoutTests
{
    private static readonly string[] Urls = ["/codes/78458", "/search?q=clot", "/api/search?q=venogram", "/api/codes/34421", "/browse", "/sitemap.xml"];

    [ProcedureReference.Testing.PostgresFact]
    public async Task A_table_locked_past_the_request_timeout_gets_504_in_seconds_and_the_pages_answer_once_it_is_released()
    {
        using var app = new ConfiguredApp(Engine.Postgres, ("Limits:RequestTimeoutSeconds", "1"));
        using var client = app.CreateClient();
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        // A session outside the app (psql, a migration) holding the content tables (and so every partition) locked.
        await using (var locker = new NpgsqlConnection(app.PostgresConnectionString))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await using (var lockTables = new NpgsqlCommand("LOCK TABLE pages, sections, similar_codes, content_info, search_documents, search_words IN ACCESS EXCLUSIVE MODE", locker, transaction))
                await lockTables.ExecuteNonQueryAsync();

            foreach (var url in Urls)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{url} took {clock.Elapsed}");
                Assert.True(response.StatusCode == HttpStatusCode.GatewayTimeout, $"{url}: {response.StatusCode}\n{body[..Math.Min(body.Length, 1000)]}");
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                {
                    using var problem = JsonDocument.Parse(body);
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Equal(504, problem.RootElement.GetProperty("status").GetInt32());
                    Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("requestId").GetString()));
                }
                Assert.DoesNotContain("lock", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            }
            await transaction.RollbackAsync();
        }

        foreach (var url in Urls)
        {
            using var after = await client.GetAsync(url);
            Assert.True(after.StatusCode == HttpStatusCode.OK, $"{url} after the lock: {after.StatusCode}");
        }
    }
}
