using ProcedureReference.Reading;
using ProcedureReference.Web.Features.Searching;

namespace ProcedureReference.Web.Features.CodePages;

/// <summary>A code's page as /codes/{code} and /api/codes/{code} both look it up, and how either echoes a code it does not know.</summary>
public static class CodePageLookup
{
    /// <summary>An unknown code is echoed (heading, title, a search link, the API's detail) up to this length.</summary>
    public const int MaxEchoedCodeChars = 100;

    /// <summary>No code is longer: a longer one is not looked up.</summary>
    private const int MaxCodeChars = 40;

    /// <summary>The page of <paramref name="canonical"/> (a code in its canonical form), or null when there is none.</summary>
    public static Task<CodePage?> FindAsync(IContentReader reader, string canonical, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return canonical.Length is > 0 and <= MaxCodeChars ? reader.FindAsync(canonical, cancellationToken) : Task.FromResult<CodePage?>(null);
    }

    /// <summary>A requested code as it may be shown back: bounded, without control characters.</summary>
    public static string Echo(string code) => SearchText.Limit(code, MaxEchoedCodeChars)!;
}
