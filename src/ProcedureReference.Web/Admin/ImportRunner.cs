using System.Diagnostics;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Admin;

/// <summary>Where the admin's import stands: running (with progress), or how the last one ended.</summary>
public sealed record ImportStatus(
    bool Running,
    string? Source,
    string? StartedBy,
    DateTimeOffset? StartedAt,
    int FilesDone,
    int FilesTotal,
    string? LastMessage,
    bool? LastSucceeded,
    string? LastStagedId);

/// <summary>
/// Runs an admin's import in the background, one at a time, staging the result for review. Readers are not
/// touched: the import builds a new file, and only a publish switches it in.
/// </summary>
public sealed class ImportRunner(IContentStore store, ReferenceOptions reference, AdminAccounts admin, ReferenceMetrics metrics, ILogger<ImportRunner> logger)
{
    private readonly Lock _gate = new();
    private ImportStatus _status = new(false, null, null, null, 0, 0, null, null, null);

    public ImportStatus Status
    {
        get { lock (_gate) return _status; }
    }

    /// <summary>The running import, if any, as a task (tests wait on it).</summary>
    public Task Current { get; private set; } = Task.CompletedTask;

    /// <summary>Starts staging <paramref name="content"/>; false when an import is already running.</summary>
    /// <param name="cleanup">Run when the import ends, whatever the outcome (an upload's folder is deleted).</param>
    public bool TryStart(string content, string source, string who, Action? cleanup = null)
    {
        lock (_gate)
        {
            if (_status.Running) return false;
            _status = new ImportStatus(true, source, who, DateTimeOffset.UtcNow, 0, 0, null, null, null);
            Current = Task.Run(() => Run(content, source, who, cleanup));
            return true;
        }
    }

    private void Run(string content, string source, string who, Action? cleanup)
    {
        string message;
        bool succeeded;
        string? stagedId = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var progress = new ImmediateProgress(p => { lock (_gate) _status = _status with { FilesDone = p.FilesDone, FilesTotal = p.FilesTotal }; });
            var (staged, report) = store.Stage(reference.ImportOf(content), who, source, progress);
            succeeded = staged is not null;
            stagedId = staged?.Id;
            message = !succeeded ? report.FatalError ?? "the import failed"
                : report.Added.Count + report.Changed.Count + report.Removed.Count == 0
                    ? $"staged {report.Imported:N0} pages: no page changed against the live content ({report.FilesWithErrors} files with errors)"
                    : $"staged {report.Imported:N0} pages ({report.Added.Count} added, {report.Changed.Count} changed, {report.Removed.Count} removed, {report.FilesWithErrors} files with errors)";
        }
#pragma warning disable CA1031 // a background import must end with a status the admin can read, whatever went wrong
        catch (Exception e)
#pragma warning restore CA1031
        {
            ImportLog.Failed(logger, e, source);
            (succeeded, message) = (false, "the import failed unexpectedly; the live content is unchanged (details in the log)");
        }
        finally
        {
            cleanup?.Invoke();
        }
        metrics.Imported(started, succeeded);
        admin.Audit(who, "stage import", source, succeeded ? message : "failed: " + message);
        lock (_gate)
            _status = _status with { Running = false, LastMessage = message, LastSucceeded = succeeded, LastStagedId = stagedId };
    }
}

internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Import of {Source} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string source);
}
