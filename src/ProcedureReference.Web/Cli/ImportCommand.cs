using System.Diagnostics;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Cli;

/// <summary>
/// `import [--content DIR] [--db FILE] [--stage] [--allow-removals]`: import Content:Path and publish it into
/// Database:Path (or stage it for review), printing the report. A publish that would change nothing, or remove more
/// than Admin:MaxRemovedPercent of the live codes without --allow-removals, is not made, and nothing is left staged.
/// </summary>
public static class ImportCommand
{
    public const string Who = "command line";

    /// <summary>The exit code of an import refused because it removes too many codes (the verb did not do what was asked).</summary>
    public const int RefusedExitCode = 1;

    /// <param name="StageOnly">Stage it for review in /admin instead of publishing.</param>
    /// <param name="AllowRemovals">Publish even when it removes more than Admin:MaxRemovedPercent of the live codes.</param>
    public sealed record Choices(bool StageOnly, bool AllowRemovals);

    public static int Run(Choices choices, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(choices);
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
        if (choices.StageOnly)
        {
            var (staged, report) = store.Stage(options.ImportOf(content), Who, source, progress);
            ImportReportText.WriteOutcome(report, staged is null ? "" : $"pages staged as {staged.Id}", stdout);
            Audit(services, admin, "stage import", source, staged is null ? "failed: " + report.FatalError : $"staged {staged.Id}", stderr);
            if (staged is not null)
                stdout.WriteLine($"Staged as {staged.Id}: review and publish it at /admin/imports/{staged.Id}. The live content is unchanged.");
            return staged is null ? 1 : 0;
        }

        var check = choices.AllowRemovals ? PublishCheck.RemovalsAllowed : new PublishCheck(admin.MaxRemovedPercent);
        var (importReport, published) = store.ImportAndPublish(options.ImportOf(content), Who, source, progress, check);
        ImportReportText.WriteOutcome(importReport, published switch
        {
            { Succeeded: true } => $"pages imported into {database}",
            { Blocked: PublishBlock.NoChanges } => "pages read: the same content as what is live, so nothing was published",
            _ => "pages read; nothing was published",
        }, stdout);
        var exitCode = Outcome(published, stdout);
        var audited = published switch
        {
            { Succeeded: true } => published.Message,
            { Blocked: PublishBlock.NoChanges } => "nothing to publish: " + published.Message,
            _ => "failed: " + (published?.Message ?? importReport.FatalError),
        };
        Audit(services, admin, "import and publish", source, audited, stderr);
        return exitCode;
    }

    /// <summary>Says what came of the publish, and returns the exit code: an unchanged import is done (0), a refusal is not.</summary>
    private static int Outcome(StoreResult? published, TextWriter stdout)
    {
        switch (published)
        {
            case null:
                return 1;
            case { Succeeded: true }:
                stdout.WriteLine(published.Message);
                return 0;
            case { Blocked: PublishBlock.NoChanges }:
                stdout.WriteLine("No changes: " + published.Message + ".");
                return 0;
            case { Blocked: PublishBlock.Removals }:
                stdout.WriteLine("REFUSED: " + published.Message + ". The live content is unchanged. "
                    + "Run again with --allow-removals to publish it, or stage it (--stage) and review it in /admin.");
                return RefusedExitCode;
            default:
                stdout.WriteLine("FAILED: " + published.Message);
                return 1;
        }
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
