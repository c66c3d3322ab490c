using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ProcedureReference.Codes;

/// <summary>
/// A procedure code (CPT, HCPCS, ICD-10, or a name made from a descriptor) in its one canonical spelling, the
/// same in storage, URLs, search and links. A code is 1 to <see cref="MaxLength"/> ASCII letters, digits, dots
/// and dashes, starting with a letter or digit; letters are upper case. Reading one ignores white space
/// anywhere and the case of letters ('j 1100' is J1100); anything else ('A/B', 'é1', '.5') is not a code. Every
/// character of a code is safe in a URL path, so <see cref="Path"/> is the address of its page as it is.
/// </summary>
public sealed partial record ProcedureCode
{
    /// <summary>The longest code: long enough for a descriptor's slug, short enough for a URL.</summary>
    public const int MaxLength = 40;

    /// <summary>What a code may hold, for messages.</summary>
    public const string AllowedCharacters = "letters, digits, '.' and '-', starting with a letter or digit, up to 40 characters";

    private readonly string _value;

    private ProcedureCode(string value) => _value = value;

    /// <summary>Reads a code in any spelling; false when the text is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ProcedureCode? code)
    {
        code = null;
        if (text is null) return false;
        Span<char> canonical = stackalloc char[MaxLength];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            // Checked before upper-casing: 'ı' upper-cases to an ASCII 'I' but is not a code character.
            if (!char.IsAsciiLetterOrDigit(c) && (c is not ('.' or '-') || length == 0)) return false;
            if (length == MaxLength) return false;
            canonical[length++] = char.ToUpperInvariant(c);
        }
        if (length == 0) return false;
        code = new ProcedureCode(new string(canonical[..length]));
        return true;
    }

    /// <summary>Reads a code in any spelling.</summary>
    /// <exception cref="FormatException">The text is not a code.</exception>
    public static ProcedureCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a procedure code ({AllowedCharacters}).");

    /// <summary>
    /// The code for a page that names no code anywhere, made from its descriptor: 'Venous thrombosis imaging' is
    /// VENOUS-THROMBOSIS-IMAGING. Null when the descriptor has no letter or digit.
    /// </summary>
    public static ProcedureCode? FromDescriptor(string descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var slug = NotLetterOrDigit().Replace(descriptor.ToUpperInvariant(), "-").Trim('-');
        if (slug.Length > MaxLength) slug = slug[..MaxLength].TrimEnd('-');
        return TryParse(slug, out var code) ? code : null;
    }

    /// <summary>
    /// Whether text standing alone looks like a code rather than a word or a number: 3 to 12 letters, digits, dots
    /// or dashes with at least one digit (37188, 0042T, J1100, K35.80, 0DTJ4ZZ).
    /// </summary>
    public static bool IsCodeShaped(string text) => CodeShape().IsMatch(text) && text.Any(char.IsAsciiDigit);

    /// <summary>A code-system guess from a code's shape, for pages that do not say.</summary>
    public static string SystemFromShape(string code) => code switch
    {
        _ when CptShape().IsMatch(code) => "CPT",
        _ when HcpcsShape().IsMatch(code) => "HCPCS",
        _ when IcdCmShape().IsMatch(code) => "ICD-10-CM",
        _ when code.Length == 7 && code.All(char.IsAsciiLetterOrDigit) => "ICD-10-PCS",
        _ => "CPT",
    };

    /// <summary>The address of a code's page: /codes/37188.</summary>
    public string Path => PathOf(_value);

    /// <summary>
    /// The address of the page of a code as stored (stored codes are canonical); escaped all the same, so that a
    /// code stored before these rules still makes a well-formed link.
    /// </summary>
    public static string PathOf(string code) => "/codes/" + Uri.EscapeDataString(code);

    /// <summary>The canonical spelling.</summary>
    public override string ToString() => _value;

    public bool Equals(ProcedureCode? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    [GeneratedRegex("[^A-Z0-9]+")]
    private static partial Regex NotLetterOrDigit();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]{2,11}$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"^[0-9]{4}[0-9FTU]$")]
    private static partial Regex CptShape();

    [GeneratedRegex(@"^[A-V][0-9]{4}$")]
    private static partial Regex HcpcsShape();

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[A-Z0-9]{1,4})?$")]
    private static partial Regex IcdCmShape();
}
