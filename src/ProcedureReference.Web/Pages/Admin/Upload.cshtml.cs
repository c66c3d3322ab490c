using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Importing;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Pages.Admin;

/// <summary>
/// POST /admin/upload: an uploaded .zip of pages, unpacked and staged in the background. Its own page, so the
/// upload limit applies by the path that runs it, whatever a query string says. A refused upload answers a 4xx
/// page saying why (audited); a taken one goes back to /admin, where the import's progress shows.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[UploadForm]
public sealed class UploadModel(ImportRunner runner, AdminAccounts admin, AdminOptions options) : PageModel
{
    /// <summary>The most a request may carry; the configured upload limit (at most this) is checked in the handler.</summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024;

    public string? Refusal { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public IActionResult OnPost(IFormFile? archive)
    {
        var who = HttpContext.AdminName();
        var space = UploadFormAttribute.SpaceOf(HttpContext);
        if (archive is null || space is null) return Refused(StatusCodes.Status400BadRequest, who, "upload", "Choose a .zip file of pages to upload.");
        var source = "upload " + Path.GetFileName(archive.FileName);
        if (archive.Length == 0) return Refused(StatusCodes.Status400BadRequest, who, source, "The upload is empty: choose a .zip file of pages.");
        if (archive.Length > options.Upload.MaxArchiveBytes)
            return Refused(StatusCodes.Status413PayloadTooLarge, who, source, $"The upload is more than {options.Upload.MaxArchiveBytes:N0} bytes, the most that is taken.");

        ArchiveResult unpacked;
        using (var stream = archive.OpenReadStream())
            unpacked = ContentArchive.Extract(stream, space.Folder, options.Upload);
        if (!unpacked.Succeeded)
            return Refused(unpacked.CouldNotWrite ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status422UnprocessableEntity, who, source, unpacked.Error!);

        if (!runner.TryStart(space.Folder, source, who, cleanup: space.Release))
            return Refused(StatusCodes.Status409Conflict, who, source, "An import is running already; wait for it to finish.");
        space.KeepForImport();
        // The admin home shows the running import with its progress; a notice saying so too would show it twice.
        return RedirectToPage("/Admin/Index");
    }

    private PageResult Refused(int status, string who, string source, string message)
    {
        // Now rather than at the request's end, so the uploads folder is clear by the time the answer arrives.
        UploadFormAttribute.SpaceOf(HttpContext)?.Dispose();
        admin.Audit(who, "stage import", source, "refused: " + message);
        Refusal = message;
        Response.StatusCode = status;
        return Page();
    }
}
