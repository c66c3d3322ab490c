using System.Diagnostics;
using ProcedureReference.Importing;

namespace ProcedureReference.Web.Cli;

/// <summary>`import [--content DIR] [--db FILE]`: import and publish, printing the report.</summary>
public static class ImportCommand
{
    public static int Run(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var options = ReferenceOptions.From(configuration);
        var content = CommandLine.Option(args, "--content") ?? options.ContentPath;
        var database = CommandLine.Option(args, "--db") ?? options.DatabasePath;

        var clock = Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        var progress = new Progress(p =>
        {
            // Progress only on long runs, at most once a second, on stderr so the report stays clean.
            if (clock.Elapsed - lastShown < TimeSpan.FromSeconds(1)) return;
            lastShown = clock.Elapsed;
            stderr.WriteLine($"  {p.FilesDone:N0} of {p.FilesTotal:N0} files parsed");
        });

        var report = Importer.Run(options.ImportOf(content, database), progress);
        ImportReportText.Write(report, database, stdout);
        return report.Succeeded ? 0 : 1;
    }

    /// <summary>Reports progress synchronously (System.Progress posts to the thread pool, out of order).</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
