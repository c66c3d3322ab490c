using System.Text.Json;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using Microsoft.AspNetCore.OutputCaching;
using ProcedureReference.Web.Features.CodePages;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web.Pages.Codes;

/// <summary>/codes/{code}: one code's explainer. Other spellings of a code redirect to the canonical URL; an unknown code is a 404 that offers a search.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
[EnableRateLimiting(RateLimits.Pages)]
[RequestTimeout(RequestLimits.Database)]
public sealed class DetailsModel(IContentReader reader, CodeCategories categories) : PageModel
{
    private const int DescriptionLength = 155;

    /// <summary>From this many sections a page runs to several screens, and ends with a back-to-top link.</summary>
    public const int LongPageSections = 6;

    /// <summary>The code's section and subsection (the breadcrumb), or null for a code outside every range.</summary>
    public CodeCategory? Category => CodePage is null ? null : categories.Find(CodePage.System, CodePage.Code);

    public CodePage? CodePage { get; private set; }

    /// <summary>The glossary terms the page uses ('Words to know'); their first uses are marked in <see cref="CodePage"/>.</summary>
    public IReadOnlyList<GlossaryEntry> WordsToKnow { get; private set; } = [];
    public string RequestedCode { get; private set; } = "";

    /// <param name="code">Null for a code of only spaces (/codes/%20), which model binding turns into null.</param>
    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        code ??= "";
        RequestedCode = CodePageLookup.Echo(code);
        var canonical = ProcedureReference.Codes.ProcedureCode.TryParse(code, out var parsed) ? parsed.ToString() : "";
        if (canonical != code && canonical.Length > 0) return RedirectPermanent(parsed!.Path);
        CodePage = canonical.Length > 0 ? await CodePageLookup.FindAsync(reader, canonical, cancellationToken) : null;
        if (CodePage is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        (CodePage, WordsToKnow) = await CodePageGlossary.ApplyAsync(reader, CodePage, cancellationToken);
        return Page();
    }

    public string Description
    {
        get
        {
            var text = CodePage?.Summary ?? CodePage?.Title ?? "";
            if (text.Length <= DescriptionLength) return text;
            var cut = text.LastIndexOf(' ', DescriptionLength);
            return text[..(cut > 0 ? cut : DescriptionLength)] + "…";
        }
    }

    /// <summary>schema.org MedicalProcedure; System.Text.Json escapes &lt; and &gt;, so it is safe inside a script element.</summary>
    public string JsonLd(string url) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "MedicalProcedure",
        ["name"] = CodePage!.PlainName,
        ["alternateName"] = new[] { CodePage.Title, CodePage.Name }.Concat(CodePage.CommonNames).Concat([CodePage.TechnicalTerm])
            .OfType<string>().Where(n => n != CodePage.PlainName).Distinct(StringComparer.Ordinal).ToArray(),
        ["description"] = Description,
        ["url"] = url,
        ["code"] = new Dictionary<string, string>
        {
            ["@type"] = "MedicalCode",
            ["codeValue"] = CodePage.Code,
            ["codingSystem"] = CodePage.System,
        },
    });
}
