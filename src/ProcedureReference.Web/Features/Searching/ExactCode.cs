using ProcedureReference.Codes;
using ProcedureReference.Reading;
using ProcedureReference.Web.Features.CodePages;

namespace ProcedureReference.Web.Features.Searching;

/// <summary>
/// A search that is exactly a code the reference holds ('37188', 'j1100') is answered by that code's page: the
/// reader who typed a code wants its page, not a list of one. A prefix ('3718') or a code the reference does not
/// hold is searched as usual, so it still lists what is near.
/// </summary>
public static class ExactCode
{
    /// <summary>The address of the page <paramref name="query"/> names exactly, or null when it names none.</summary>
    public static async Task<string?> PageOfAsync(IContentReader reader, string? query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = query?.Trim();
        // Code-shaped only (a digit, no spaces): 'blood clot' would otherwise read as the code BLOODCLOT.
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace) || !ProcedureCode.IsCodeShaped(text)) return null;
        if (!ProcedureCode.TryParse(text, out var code)) return null;
        var page = await CodePageLookup.FindAsync(reader, code.ToString(), cancellationToken);
        return page is null ? null : code.Path;
    }
}
