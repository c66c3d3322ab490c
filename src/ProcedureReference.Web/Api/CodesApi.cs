using Microsoft.AspNetCore.Http.Timeouts;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.CodePages;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Api;

/// <summary>/api/codes/{code}: the same query as the code page, as JSON.</summary>
public static class CodesApi
{
    public static IEndpointRouteBuilder MapCodesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/codes/{code}", async (string code, IContentReader reader, HttpContext context, CancellationToken cancellationToken) =>
            {
                var page = ProcedureReference.Codes.ProcedureCode.TryParse(code, out var parsed)
                    ? await CodePageLookup.FindAsync(reader, parsed.ToString(), cancellationToken)
                    : null;
                if (page is null)
                    return ErrorResponses.Problem(context, StatusCodes.Status404NotFound, "Unknown code", $"No page for code {CodePageLookup.Echo(code)}.");
                var glossed = await CodePageGlossary.ApplyAsync(reader, page, cancellationToken);
                // The sections' html stays as stored: the marks are the site's controls; the terms come as data.
                return Results.Ok(CodeJson.From(page) with { Glossary = glossed.Terms });
            })
            .CacheOutput(ContentCache.Policy)
            .RequireRateLimiting(RateLimits.Search)
            .WithName("GetCode")
            .WithSummary("A code's page: descriptor, plain name, names, sections as Markdown and HTML, neighbours, similar codes and the glossary terms it uses.")
            .Produces<CodeJson>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestTimeout(RequestLimits.Database);
        return app;
    }
}

/// <summary>A code's page; <c>readingGrade</c> is the Flesch-Kincaid grade of its explanation as a whole (null for content imported before grades were).</summary>
public sealed record CodeJson(
    string Code,
    string System,
    string Title,
    string PlainName,
    string? Name,
    IReadOnlyList<string> CommonNames,
    string? TechnicalTerm,
    string Url,
    IReadOnlyList<SectionJson> Sections,
    CodeLink? Previous,
    CodeLink? Next,
    IReadOnlyList<SimilarJson> Similar,
    double? ReadingGrade)
{
    /// <summary>The glossary terms the page uses, in order of first use.</summary>
    public IReadOnlyList<GlossaryEntry> Glossary { get; init; } = [];

    public static CodeJson From(CodePage page) => new(page.Code, page.System, page.Title, page.PlainName, page.Name, page.CommonNames,
        page.TechnicalTerm, ProcedureReference.Codes.ProcedureCode.PathOf(page.Code),
        page.Sections.Select(s => new SectionJson(s.Kind, s.Anchor, s.Title, s.Heading, s.Markdown, s.Html, s.ReadingGrade)).ToList(),
        page.Previous, page.Next,
        page.Similar.Select(s => new SimilarJson(s.Code, s.Title, s.PlainName, Math.Round(s.Score, 3), s.Reason, s.Source, s.InReference ? ProcedureReference.Codes.ProcedureCode.PathOf(s.Code) : null)).ToList(),
        page.ReadingGrade);
}

/// <summary>A similar code; <c>url</c> is null for a listed code the reference does not hold.</summary>
public sealed record SimilarJson(string Code, string Title, string PlainName, double Score, string Reason, string Source, string? Url);

/// <summary>A section; <c>readingGrade</c> is its Flesch-Kincaid grade, null for a section with no words.</summary>
public sealed record SectionJson(string Kind, string Anchor, string Title, string? Heading, string Markdown, string Html, double? ReadingGrade);
