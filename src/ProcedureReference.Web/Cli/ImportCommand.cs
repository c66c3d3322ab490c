using System.Diagnostics;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Cli;

/// <summary>`import [--content DIR] [--db FILE] [--stage]`: import Content:Path and publish it into Database:Path (or stage it for review), printing the report.</summary>
public static class ImportCommand
{
    public const string Who = "command line";

    public static int Run(bool stageOnly, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var options = services.GetRequiredService<ReferenceOptions>();
        var content = options.ContentPath;
        var database = services.GetRequiredService<StorageOptions>().Location(options.DatabasePath);
        var admin = services.GetRequiredService<AdminOptions>();
        var store = services.GetRequiredService<IContentStore>();

        var clock = Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        var progress = new ImmediateProgress(p =>
        {
            // Progress only on long runs, at most once a second, on stderr so the report stays clean.
            if (clock.Elapsed - lastShown < TimeSpan.FromSeconds(1)) return;
            lastShown = clock.Elapsed;
            stderr.WriteLine($"  {p.FilesDone:N0} of {p.FilesTotal:N0} files parsed");
        });

        var source = "folder " + Path.GetFullPath(content);
        if (stageOnly)
        {
            var (staged, report) = store.Stage(options.ImportOf(content), Who, source, progress);
            ImportReportText.Write(report, database, stdout);
            Audit(services, admin, "stage import", source, staged is null ? "failed: " + report.FatalError : $"staged {staged.Id}", stderr);
            if (staged is not null) stdout.WriteLine($"Staged as {staged.Id}: review and publish it in /admin. The live content is unchanged.");
            return staged is null ? 1 : 0;
        }

        var (importReport, published) = store.ImportAndPublish(options.ImportOf(content), Who, source, progress);
        ImportReportText.Write(importReport, database, stdout);
        if (published is not null) stdout.WriteLine(published.Succeeded ? published.Message : "FAILED: " + published.Message);
        var succeeded = published?.Succeeded == true;
        Audit(services, admin, "import and publish", source, succeeded ? published!.Message : "failed: " + (published?.Message ?? importReport.FatalError), stderr);
        return succeeded ? 0 : 1;
    }

    /// <summary>Records the import in the audit log; a log that cannot be written (a full or read-only disk) is reported, not fatal.</summary>
    private static void Audit(IServiceProvider services, AdminOptions admin, string action, string source, string result, TextWriter stderr)
    {
        try
        {
            services.GetRequiredService<AdminAccounts>().Audit(Who, action, source, result);
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"warning: could not write the audit log {admin.DatabasePath}: {WriteFailure.Reason(e)}");
        }
    }
}
