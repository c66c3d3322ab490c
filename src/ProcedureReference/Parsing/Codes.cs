using System.Text.RegularExpressions;

namespace ProcedureReference.Parsing;

/// <summary>What a procedure code looks like, across CPT, HCPCS and ICD-10.</summary>
public static partial class Codes
{
    /// <summary>3 to 12 letters, digits, dots or dashes, with at least one digit: 37188, 0042T, J1100, K35.80, 0DTJ4ZZ.</summary>
    public static bool IsCodeShaped(string text) => CodePattern().IsMatch(text) && text.Any(char.IsDigit);

    /// <summary>The canonical spelling of a code: trimmed, upper case, inner spaces removed.</summary>
    public static string Canonical(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>A code-system guess from the code's shape, for pages that do not say.</summary>
    public static string SystemFromShape(string code) => code switch
    {
        _ when CptPattern().IsMatch(code) => "CPT",
        _ when HcpcsPattern().IsMatch(code) => "HCPCS",
        _ when IcdCmPattern().IsMatch(code) => "ICD-10-CM",
        _ when code.Length == 7 && code.All(char.IsLetterOrDigit) => "ICD-10-PCS",
        _ => "CPT",
    };

    /// <summary>A slug for a page that names no code anywhere: 'Venous thrombosis imaging' becomes 'venous-thrombosis-imaging'.</summary>
    public static string Slug(string text)
    {
        var slug = SlugSeparators().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{2,11}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[0-9]{4}[0-9FTU]$")]
    private static partial Regex CptPattern();

    [GeneratedRegex(@"^[A-V][0-9]{4}$")]
    private static partial Regex HcpcsPattern();

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[A-Z0-9]{1,4})?$")]
    private static partial Regex IcdCmPattern();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex SlugSeparators();
}
