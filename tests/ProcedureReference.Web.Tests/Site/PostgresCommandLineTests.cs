using ProcedureReference.Testing;
using ProcedureReference.Web.Cli;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>The command line's import with the provider flags as the README writes them, beside a running site on the same database.</summary>
public class PostgresCommandLineTests(PostgresReferenceApp app) : IClassFixture<PostgresReferenceApp>
{
    [PostgresFact]
    public async Task An_import_with_the_provider_flags_is_served_by_the_running_site_and_its_report_names_no_sqlite_file()
    {
        Assert.DoesNotContain("Command-line edit", (await app.GetDocumentAsync("/codes/37188")).QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        var file = Path.Combine(app.ContentPath, "004_b058e552b792f92e.txt");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", "Command-line edit: this thrombectomy is", StringComparison.Ordinal));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(["import", "--content", app.ContentPath, "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=" + app.PostgresConnectionString], stdout, stderr);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("1 changed", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("procedures.db", stdout.ToString(), StringComparison.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1); // bounds a hang only
        var summary = "";
        while (!summary.Contains("Command-line edit", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            summary = (await app.GetDocumentAsync("/codes/37188")).QuerySelector("#summary")!.TextContent;
            if (!summary.Contains("Command-line edit", StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        Assert.Contains("Command-line edit", summary, StringComparison.Ordinal);
    }
}
