using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Accounts;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Admin;

/// <summary>
/// /admin: start an import (the content folder or an uploaded .zip), follow it, open what it staged, roll back
/// to a kept version, and read the audit log.
/// </summary>
public sealed class IndexModel(IContentStore store, ImportRunner runner, AdminAccounts admin, ReferenceOptions reference, ReferenceMetrics metrics) : PageModel
{
    public ImportStatus Status { get; private set; } = null!;
    public IReadOnlyList<StagedImport> Staged { get; private set; } = [];
    public VersionList Versions { get; private set; } = new([], null);
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    public string ContentFolder => reference.ContentPath;

    /// <summary>
    /// Whether the last import's outcome is still news: a failure, or a staged import still waiting for review (once
    /// published or discarded, the versions and the audit say what became of it).
    /// </summary>
    public bool ShowsLastImport => Status.LastMessage is not null
        && (Status.LastSucceeded != true || Staged.Any(s => s.Id == Status.LastStagedId));

    /// <summary>What readers see now, in one line.</summary>
    public string LiveNow => Versions.Versions.FirstOrDefault(v => v.Number == Versions.LiveNumber) is { } live
        ? $"Live now: {live.Label}, published {live.PublishedAt:yyyy-MM-dd HH:mm}Z by {live.PublishedBy} ({live.Source}), {live.Pages:N0} pages."
        : "Live now: the content imported at first start (no version published from here yet).";

    public string? Message => TempData[AdminMessage.Text] as string;
    public bool MessageIsError => TempData[AdminMessage.IsError] is true;

    public void OnGet()
    {
        Status = runner.Status;
        Staged = store.Staged();
        Versions = store.Versions();
        Audit = admin.RecentAudit(50);
    }

    public IActionResult OnPostImportFolder()
    {
        var source = "content folder " + reference.ContentPath;
        return Started(runner.TryStart(reference.ContentPath, source, HttpContext.AdminName()), source);
    }

    /// <param name="confirm">The confirmation box: the version's label (v3) when ticked.</param>
    public IActionResult OnPostRollback(int version, string? confirm)
    {
        if (confirm != $"v{version}")
            return Audited(HttpContext.AdminName(), $"rollback to v{version}", false,
                $"tick 'Yes, make v{version} live' to confirm the rollback; the live content is unchanged", "rollback");
        var started = Stopwatch.GetTimestamp();
        var result = store.Rollback(version, HttpContext.AdminName());
        metrics.Switched(started, "rollback", result.Succeeded);
        if (result.Succeeded) HttpContext.NoticeSwitch();
        return Audited(HttpContext.AdminName(), $"rollback to v{version}", result.Succeeded, result.Message, "rollback");
    }

    // A started import shows in the import box, with its progress; a notice saying so too would show it twice.
    private RedirectToPageResult Started(bool started, string source) => started
        ? RedirectToPage()
        : Audited(HttpContext.AdminName(), source, false, "An import is running already; wait for it to finish.");

    private RedirectToPageResult Audited(string who, string detail, bool succeeded, string message, string action = "stage import")
    {
        admin.Audit(who, action, detail, succeeded ? message : "refused: " + message);
        return Done(succeeded, message);
    }

    private RedirectToPageResult Done(bool succeeded, string message)
    {
        AdminMessage.Show(TempData, succeeded, message);
        return RedirectToPage();
    }
}
