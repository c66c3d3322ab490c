using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Admin.Staging;

/// <summary>/admin/imports/{id}: a staged import's report and its difference from what is live; publish or discard it.</summary>
public sealed class DetailsModel(IContentStore store, AdminAccounts admin, ReferenceMetrics metrics) : PageModel
{
    public StagedImport Staged { get; private set; } = null!;
    public ContentDifference Difference { get; private set; } = null!;
    public string? Code { get; private set; }
    public IReadOnlyList<PartDifference> CodeParts { get; private set; } = [];

    public IActionResult OnGet(string id, string? code)
    {
        if (store.FindStaged(id) is not { } staged || store.Compare(id) is not { } difference) return NotFound();
        Staged = staged;
        Difference = difference;
        if (!string.IsNullOrEmpty(code))
        {
            Code = code;
            CodeParts = store.Describe(id, code) ?? [];
        }
        return Page();
    }

    public IActionResult OnPostPublish(string id)
    {
        var started = Stopwatch.GetTimestamp();
        var result = store.Publish(id, HttpContext.AdminName());
        metrics.Switched(started, "publish", result.Succeeded);
        if (result.Succeeded) HttpContext.NoticeSwitch();
        return Finish("publish", id, result);
    }

    public IActionResult OnPostDiscard(string id) => Finish("discard", id, store.Discard(id));

    private RedirectToPageResult Finish(string action, string id, StoreResult result)
    {
        admin.Audit(HttpContext.AdminName(), action, $"staged import {id}", result.Succeeded ? result.Message : "refused: " + result.Message);
        AdminMessage.Show(TempData, result.Succeeded, result.Message);
        return RedirectToPage("/Admin/Index");
    }
}
