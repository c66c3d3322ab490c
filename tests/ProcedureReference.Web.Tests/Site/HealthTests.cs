using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProcedureReference.Web.Tests.Faults;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>/health reads the live content through the storage seam: 503 with the reason when it cannot (and no kept version can be put back), or finds no pages.</summary>
public class HealthTests
{
    [Fact]
    public async Task A_database_that_cannot_be_read_nor_put_back_is_unhealthy_with_the_reason()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient();
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        // With a kept version intact the site would put it back (Faults/CorruptLiveTests): here there is none.
        LiveDamage.ForgetKeptVersions(app.DatabasePath);
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(app.DatabasePath, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a database. ", 400))));

        var (status, reason) = await HealthAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("The live content cannot be read.", reason);
    }

    [Fact]
    public async Task Content_without_pages_is_unhealthy_with_the_reason()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient();
        using (var started = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, started.StatusCode);

        using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString()))
        {
            writer.Open();
            using var command = writer.CreateCommand();
            command.CommandText = "DELETE FROM pages";
            command.ExecuteNonQuery();
        }

        var (status, reason) = await HealthAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("the reference holds no pages", reason);
    }

    internal static async Task<(HttpStatusCode Status, string? Reason)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        return (response.StatusCode, body.RootElement.GetProperty("reason").GetString());
    }
}
