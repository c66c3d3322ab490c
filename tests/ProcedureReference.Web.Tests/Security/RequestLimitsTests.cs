using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// How much a request may send and how long it may hold the database: Kestrel's limits (over real Kestrel), the
/// small public body limit that the admin upload raises for itself, and a database that does not answer in time.
/// </summary>
public class RequestLimitsTests(KestrelAdminApp app) : IClassFixture<KestrelAdminApp>
{
    [Fact]
    public async Task A_request_line_over_8_kb_is_414_and_headers_over_32_kb_are_431()
    {
        var server = app.ServerAddress();

        var longLine = await RawHttp.SendAsync(server, "/search?q=" + new string('a', 9_000));
        var bigHeader = await RawHttp.SendAsync(server, "/", headers: [("X-Filler", new string('x', 33_000))]);
        var manyHeaders = await RawHttp.SendAsync(server, "/", headers: Enumerable.Range(0, 101).Select(i => ($"X-H{i}", "x")));
        var fits = await RawHttp.SendAsync(server, "/search?q=" + new string('a', 7_000), headers: [("X-Filler", new string('x', 20_000))]);

        Assert.Equal(414, longLine.Status);
        Assert.Equal(431, bigHeader.Status);
        Assert.Equal(431, manyHeaders.Status);
        Assert.Equal(200, fits.Status);
    }

    /// <summary>The antiforgery check reads the form first, and reports the refused body as its own 400.</summary>
    [Fact]
    public async Task A_sign_in_form_over_the_body_limit_is_refused_with_a_4xx_page_not_a_server_error()
    {
        using var session = new AdminSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.ServerAddress() });

        using var response = await session.PostFormAsync("/admin/login", "/admin/login",
            new() { ["Name"] = AdminApp.Name, ["Password"] = new string('p', 100_000) });

        var page = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}");
        Assert.Matches("<h1>(That request could not be answered|That request was too large)</h1>", page);
        Assert.Matches("request id <code>[^<]+</code>", page);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_the_public_body_limit_is_still_taken()
    {
        using var session = await app.SignInOverKestrelAsync();
        var archive = ContentWithFiller(300 * 1024);
        Assert.True(archive.Length > 256 * 1024);

        using var response = await session.UploadAsync(archive);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var runner = app.Services.GetRequiredService<ImportRunner>();
        await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(runner.Status.LastSucceeded, runner.Status.LastMessage);
    }

    /// <summary>content/ zipped with a file of random bytes beside it (skipped by the import, but carried by the upload).</summary>
    private static byte[] ContentWithFiller(int fillerBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ReferenceApp.RepositoryRoot(), "content")))
                zip.CreateEntryFromFile(file, "scrape/" + Path.GetFileName(file));
            using var filler = zip.CreateEntry("scrape/filler.bin", CompressionLevel.NoCompression).Open();
            filler.Write(RandomNumberGenerator.GetBytes(fillerBytes));
        }
        return stream.ToArray();
    }
}

/// <summary>A database that does not answer within the request timeout gets a calm 503 in about that time, not a hang.</summary>
public class DatabaseTimeoutTests
{
    [Fact]
    public async Task A_database_locked_past_the_timeout_gets_503_in_seconds_as_a_page_or_problem_details()
    {
        using var app = new ConfiguredApp(("Limits:RequestTimeoutSeconds", "1"));
        using var client = app.CreateClient();
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        // A writer outside the app (the sqlite3 shell, say) holding the live file locked.
        using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString()))
        {
            writer.Open();
            Execute(writer, "BEGIN EXCLUSIVE");

            foreach (var url in new[] { "/search?q=clot", "/codes/37188", "/api/search?q=clot", "/api/codes/37188" })
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{url} took {clock.Elapsed}");
                // 503 when the lock wait ran out first, 504 when the request's timeout interrupted it first.
                Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, $"{url}: {response.StatusCode}");
                if (url.StartsWith("/api/", StringComparison.Ordinal))
                {
                    using var problem = JsonDocument.Parse(body);
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("requestId").GetString()));
                }
                else
                {
                    Assert.Contains("<h1>The reference is busy: please try again in a moment</h1>", body, StringComparison.Ordinal);
                }
                Assert.DoesNotContain("locked", body, StringComparison.OrdinalIgnoreCase);
            }
            Execute(writer, "ROLLBACK");
        }

        // The lock gone, the same pages answer again.
        foreach (var url in new[] { "/search?q=clot", "/codes/37188", "/api/search?q=clot", "/api/codes/37188" })
        {
            using var after = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
