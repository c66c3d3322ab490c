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

    public IActionResult OnPostRollback(int version)
    {
        var started = Stopwatch.GetTimestamp();
        var result = store.Rollback(version, HttpContext.AdminName());
        metrics.Switched(started, "rollback", result.Succeeded);
        if (result.Succeeded) HttpContext.NoticeSwitch();
        return Audited(HttpContext.AdminName(), $"rollback to v{version}", result.Succeeded, result.Message, "rollback");
    }

    private RedirectToPageResult Started(bool started, string source) => started
        ? Done(true, $"Importing from {source}. It is staged for review when done; nothing live changes until you publish.")
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
