using System.Text;
using Microsoft.AspNetCore.Http.Timeouts;
using QRCoder;
using ProcedureReference.Codes;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.CodePages;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Features.Handout;

/// <summary>
/// /codes/{code}/qr.svg: a QR code of the page's canonical URL (the one its canonical link gives), which the printed
/// handout carries so that a phone opens the page from paper. An SVG of paths with fill attributes only: no script,
/// no style, so it is clean under the site's Content-Security-Policy even when opened on its own.
/// </summary>
public static class QrCodeEndpoint
{
    /// <summary>The handout links the image with the live version in its query (<c>?v=3</c>), so a publish gives it a new URL.</summary>
    public const string VersionQuery = "v";

    /// <summary>
    /// The image depends on the code and the public URL only; a day bounds how long a browser keeps one after the
    /// site's public base URL changes. The server's output cache is emptied on a publish like every page's.
    /// </summary>
    private const string CacheControl = "public, max-age=86400";

    /// <summary>Dark modules, in SVG user units; the printed size is the handout's CSS.</summary>
    private const int PixelsPerModule = 4;

    public static string PathOf(string code, int? liveVersion) =>
        ProcedureCode.PathOf(code) + "/qr.svg" + (liveVersion is { } v ? $"?{VersionQuery}={v}" : "");

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/codes/{code}/qr.svg", async (string code, IContentReader reader, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (!ProcedureCode.TryParse(code, out var parsed)) return Results.NotFound();
                if (parsed.ToString() != code) return Results.Redirect(PathOf(parsed.ToString(), null) + context.Request.QueryString, permanent: true);
                if (await CodePageLookup.FindAsync(reader, code, cancellationToken) is null) return Results.NotFound();
                context.Response.Headers.CacheControl = CacheControl;
                return Results.Text(Svg(context.Request.PublicUrl(parsed.Path)), "image/svg+xml", Encoding.UTF8);
            })
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Pages)
            .WithRequestTimeout(RequestLimits.Database)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Error correction M (15% of the code may be lost: a fold, a smudge); a quiet zone of four modules, as readers
    /// need; black on white, as printed.
    /// </summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
