using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

public abstract class ReimportTests(ReferenceApp app)
{
    [EngineFact]
    public async Task A_command_line_import_is_served_without_a_restart_and_without_stale_cached_pages()
    {
        var before = await app.GetDocumentAsync("/codes/37188");
        Assert.DoesNotContain("Edited summary", before.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);

        var file = Path.Combine(app.ContentPath, "004_b058e552b792f92e.txt");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", "Edited summary: this thrombectomy is", StringComparison.Ordinal));
        var report = app.PublishContent();
        Assert.Equal(["37188"], report.Changed);

        // On SQLite the app looks for a new live file at most once a second, when a request comes; on PostgreSQL it
        // hears the publish's notification (or polls): ask until the page has changed. The deadline only bounds a hang (a machine shared by the whole suite can be slow).
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var summary = "";
        while (!summary.Contains("Edited summary", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            summary = (await app.GetDocumentAsync("/codes/37188")).QuerySelector("#summary")!.TextContent;
        }
        Assert.Contains("Edited summary", summary, StringComparison.Ordinal);
    }
}

public sealed class SqliteReimportTests(ReferenceApp app) : ReimportTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresReimportTests(PostgresReferenceApp app) : ReimportTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;
