using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Timeouts;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.Health;

namespace ProcedureReference.Web.Hosting;

/// <summary>/sitemap.xml, /robots.txt and /health (the health checks: 200 with the content readable and holding pages, else 503 with the reason).</summary>
public static class SiteEndpoints
{
    private static readonly string[] FixedPaths = ["/", "/browse"];

    public static WebApplication MapSiteEndpoints(this WebApplication app)
    {
        app.MapGet("/robots.txt", (HttpRequest request) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\nSitemap: {request.PublicUrl("/sitemap.xml")}\n", "text/plain"));

        app.MapGet("/sitemap.xml", async (HttpRequest request, IContentReader reader, CancellationToken cancellationToken) =>
        {
            var codes = await reader.CodesAsync(cancellationToken);
            var root = PublicUrls.Root(request);
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

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .RequireRateLimiting(RateLimits.Pages).WithRequestTimeout(RequestLimits.Database);
        return app;
    }
}
