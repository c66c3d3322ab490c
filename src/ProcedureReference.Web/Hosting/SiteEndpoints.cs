using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.EntityFrameworkCore;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Hosting;

/// <summary>/sitemap.xml, /robots.txt and /health.</summary>
public static class SiteEndpoints
{
    private static readonly string[] FixedPaths = ["/", "/browse"];

    public static WebApplication MapSiteEndpoints(this WebApplication app)
    {
        app.MapGet("/robots.txt", (HttpRequest request) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\nSitemap: {request.Scheme}://{request.Host}/sitemap.xml\n", "text/plain"));

        app.MapGet("/sitemap.xml", async (HttpRequest request, ReferenceDb db, CancellationToken cancellationToken) =>
        {
            var codes = await db.Pages.OrderBy(p => p.Ordinal).Select(p => p.Code).ToListAsync(cancellationToken);
            var root = $"{request.Scheme}://{request.Host}";
            var output = new StringBuilder();
            using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = false }))
            {
                xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                foreach (var path in FixedPaths.Concat(codes.Select(ProcedureReference.Codes.ProcedureCode.PathOf)))
                {
                    xml.WriteStartElement("url");
                    xml.WriteElementString("loc", root + path);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            return Results.Text(output.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml", Encoding.UTF8);
        }).RequireRateLimiting(RateLimits.Pages).WithRequestTimeout(RequestLimits.Database);

        app.MapGet("/health", async (ReferenceDb db, HttpContext context, CancellationToken cancellationToken) =>
            await db.Pages.AnyAsync(cancellationToken)
                ? Results.Ok(new { status = "ok" })
                : ErrorResponses.Problem(context, StatusCodes.Status503ServiceUnavailable, "the reference holds no pages"))
            .RequireRateLimiting(RateLimits.Pages).WithRequestTimeout(RequestLimits.Database);
        return app;
    }
}
