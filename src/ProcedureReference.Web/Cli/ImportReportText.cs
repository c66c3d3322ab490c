using ProcedureReference.Importing;

namespace ProcedureReference.Web.Cli;

/// <summary>The import report as a person reads it on a terminal.</summary>
public static class ImportReportText
{
    /// <summary>The report of an import published into <paramref name="database"/>.</summary>
    public static void Write(ImportReport report, string database, TextWriter output) =>
        WriteOutcome(report, $"pages imported into {database}", output);

    /// <summary>The report, its count of pages followed by what became of them (<paramref name="outcome"/>: 'pages staged as ID', ...).</summary>
    public static void WriteOutcome(ImportReport report, string outcome, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Import of {report.ContentPath}");
        foreach (var warning in report.Warnings) output.WriteLine($"  warning: {warning}");
        foreach (var file in report.Files)
        {
            foreach (var error in file.Errors) output.WriteLine($"  error   {file.File}: {error}");
            foreach (var warning in file.Warnings) output.WriteLine($"  warning {file.File}: {warning}");
        }
        if (!report.Succeeded)
        {
            output.WriteLine($"FAILED: {report.FatalError}");
            output.WriteLine($"{report.Files.Count} files read, {report.FilesWithErrors} with errors, in {report.Elapsed.TotalSeconds:0.00} s");
            return;
        }
        output.WriteLine($"{report.Files.Count} files read; {report.Imported} {outcome}");
        output.WriteLine($"  {report.Added.Count} added, {report.Changed.Count} changed, {report.Unchanged.Count} unchanged, {report.Removed.Count} removed");
        output.WriteLine($"  {report.FilesWithErrors} files with errors, {report.FilesWithWarnings} with warnings");
        output.WriteLine($"Done in {report.Elapsed.TotalSeconds:0.00} s");
    }
}
