using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Admin.Staging;

/// <summary>
/// /admin/imports/{id}: a staged import's report and its difference from what is live; publish or discard it. A
/// publish needs its confirmation ticked, and one removing more than Admin:MaxRemovedPercent of the live codes
/// needs that number confirmed; the store checks both again at the switch, against what is live then.
/// </summary>
public sealed class DetailsModel(IContentStore store, AdminAccounts admin, AdminOptions options, ReferenceMetrics metrics) : PageModel
{
    /// <summary>The value of the publish form's confirmation box.</summary>
    public const string Confirmed = "yes";

    public StagedImport Staged { get; private set; } = null!;
    public ContentDifference Difference { get; private set; } = null!;
    public string? Code { get; private set; }
    public IReadOnlyList<PartDifference> CodeParts { get; private set; } = [];
    public int MaxRemovedPercent => options.MaxRemovedPercent;
    public bool NeedsRemovalConfirmation => Difference.NeedsRemovalConfirmation(options.MaxRemovedPercent);

    public string? Message => TempData[AdminMessage.Text] as string;
    public bool MessageIsError => TempData[AdminMessage.IsError] is true;

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

    /// <param name="confirm">The confirmation box: <see cref="Confirmed"/> when ticked.</param>
    /// <param name="removals">The number of removed codes the admin confirmed (the second box, when the review asked for it).</param>
    public IActionResult OnPostPublish(string id, string? confirm, int? removals)
    {
        if (confirm != Confirmed)
            return Back(id, "publish", StoreResult.Refused("tick the box that confirms the publish; nothing was published"));
        var started = Stopwatch.GetTimestamp();
        var result = store.Publish(id, HttpContext.AdminName(), new PublishCheck(options.MaxRemovedPercent, removals));
        metrics.Switched(started, "publish", result.Succeeded);
        if (result.Succeeded) HttpContext.NoticeSwitch();
        // A refusal by the checks sends the admin back to the review, which shows what to confirm.
        return result.Blocked == PublishBlock.None ? Finish("publish", id, result) : Back(id, "publish", result);
    }

    public IActionResult OnPostDiscard(string id) => Finish("discard", id, store.Discard(id));

    private RedirectToPageResult Finish(string action, string id, StoreResult result)
    {
        Record(action, id, result);
        return RedirectToPage("/Admin/Index");
    }

    private RedirectToPageResult Back(string id, string action, StoreResult result)
    {
        Record(action, id, result);
        return RedirectToPage(new { id });
    }

    private void Record(string action, string id, StoreResult result)
    {
        admin.Audit(HttpContext.AdminName(), action, $"staged import {id}", result.Succeeded ? result.Message : "refused: " + result.Message);
        AdminMessage.Show(TempData, result.Succeeded, result.Message);
    }
}
