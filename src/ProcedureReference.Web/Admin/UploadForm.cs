using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ProcedureReference.Web.Admin;

/// <summary>
/// Reads an upload's multipart form itself, so that the archive is written into its own place in the uploads
/// folder (<see cref="UploadSpace"/>) instead of ASP.NET Core's temporary folder, which is one for the whole
/// process (ASPNETCORE_TEMP, else the system's) and which nothing here cleans after a crash. It runs after
/// [RequestSizeLimit] and [RequestFormLimits] (order 900) have set the body limits and before the antiforgery check
/// (order 1000) would read the form; that check, model binding and the handler then read the form made here.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class UploadFormAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Where the space is kept for the handler.</summary>
    private const string SpaceKey = "procref-upload-space";

    /// <summary>The fields besides the file are a token and such: a few hundred bytes.</summary>
    private const int MaxFieldBytes = 16 * 1024;

    public int Order => 950;

    /// <summary>The upload's space (the archive written, its folder to unpack into), or null when the form held no file.</summary>
    public static UploadSpace? SpaceOf(HttpContext context) => context?.Items[SpaceKey] as UploadSpace;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return; // not an upload form: the antiforgery check refuses it as the framework reads it
        }
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(await ReadAsync(http, boundary.Value!)));
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body (bad headers, a field over its limit): the client's fault.
            context.Result = new BadRequestResult();
        }
    }

    private static async Task<FormCollection> ReadAsync(HttpContext http, string boundary)
    {
        var fields = new KeyValueAccumulator();
        var files = new FormFileCollection();
        var reader = new MultipartReader(boundary, http.Request.Body);
        var token = http.RequestAborted;
        for (var section = await reader.ReadNextSectionAsync(token); section is not null; section = await reader.ReadNextSectionAsync(token))
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                throw new InvalidDataException("a form section without a usable Content-Disposition");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && files.Count == 0)
            {
                var space = http.RequestServices.GetRequiredService<UploadsFolder>().Reserve();
                http.Response.RegisterForDispose(space);
                http.Items[SpaceKey] = space;
                var archive = space.CreateArchive();
                await CopyAsync(section.Body, archive, http.RequestServices.GetRequiredService<AdminOptions>().Upload.MaxArchiveBytes + 1, token);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                files.Add(new FormFile(archive, 0, archive.Length, name, fileName) { Headers = new HeaderDictionary(section.Headers) });
            }
            else if (disposition.IsFormDisposition())
            {
                fields.Append(name, await ReadFieldAsync(section.Body, token));
            }
            else
            {
                await section.Body.DrainAsync(token); // a second file: one archive per upload
            }
        }
        return new FormCollection(fields.GetResults(), files);
    }

    /// <summary>Copies at most <paramref name="most"/> bytes (enough to tell the archive is too large) and reads past the rest.</summary>
    private static async Task CopyAsync(Stream body, Stream archive, long most, CancellationToken token)
    {
        var chunk = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, token)) > 0)
        {
            var kept = (int)Math.Min(read, Math.Max(0, most - copied));
            if (kept > 0) await archive.WriteAsync(chunk.AsMemory(0, kept), token);
            copied += read;
        }
        await archive.FlushAsync(token);
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes) throw new InvalidDataException($"a form field over {MaxFieldBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
