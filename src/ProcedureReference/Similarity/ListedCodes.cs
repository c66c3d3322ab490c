using System.Text.RegularExpressions;
using ProcedureReference.Codes;
using ProcedureReference.Parsing;

namespace ProcedureReference.Similarity;

/// <summary>A code a page lists under its 'Similar Codes' section, with the title the page gives it (may be empty).</summary>
public sealed record ListedCode(string Code, string Title);

/// <summary>
/// Reads the codes a page lists under 'Similar Codes': one per line, the code first
/// ('37187 Percutaneous transluminal mechanical thrombectomy, vein(s), initial', '37187 - ...', '37187: ...').
/// Lines that do not start with something code-shaped are not listings and are ignored.
/// </summary>
public static partial class ListedCodes
{
    /// <summary>More than this is not a list of similar codes but something pasted; the rest is ignored.</summary>
    public const int MaxListed = 50;

    public static IReadOnlyList<ListedCode> Parse(string plainText)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        var listed = new List<ListedCode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in plainText.Split('\n'))
        {
            var match = Listing().Match(raw.Trim());
            // '37187.' and '37187 -' end a code with punctuation that is not part of it.
            var candidate = match.Groups["code"].Value.TrimEnd('.', '-');
            if (!match.Success || !ProcedureCode.IsCodeShaped(candidate)) continue;
            var code = ProcedureCode.Parse(candidate).ToString();
            // A year or a count is digit-shaped too; a listed code has letters or exactly the width of a code.
            if (code.All(char.IsDigit) && code.Length != 5) continue;
            if (!seen.Add(code)) continue;
            listed.Add(new ListedCode(code, match.Groups["title"].Value.Trim()));
            if (listed.Count == MaxListed) break;
        }
        return listed;
    }

    [GeneratedRegex(@"^(?<code>[A-Za-z0-9][A-Za-z0-9.\-]{2,11})(?:\s*[-–—:|]\s*|\s+|$)(?<title>.*)$")]
    private static partial Regex Listing();
}
