namespace ProcedureReference.Similarity;

/// <summary>
/// A range of codes that the code set files under one heading: CPT 33016-37799 is the Surgery section's
/// Cardiovascular System subsection. Codes compare as text of the same shape ('0042T' is in 0001T-0999T,
/// '12345' is not), so one table serves CPT, HCPCS and Category II/III codes.
/// </summary>
public sealed record CodeRange(string System, string From, string To, string Section, string Subsection)
{
    /// <summary>What the range is called on a page: its subsection, or its section when it has none.</summary>
    public string Label => Subsection.Length > 0 ? Subsection : Section;

    /// <summary>'same CPT subsection: Cardiovascular System'.</summary>
    public string SameRangeReason => $"same {System} {(Subsection.Length > 0 ? "subsection" : "section")}: {Label}";

    public bool Contains(string system, string code) =>
        string.Equals(NormalSystem(system), System, StringComparison.OrdinalIgnoreCase)
        && SameShape(code, From)
        && string.CompareOrdinal(code, From) >= 0 && string.CompareOrdinal(code, To) <= 0;

    /// <summary>How wide the range is, to prefer a subsection over the section around it.</summary>
    internal long Width => CodeNumber.Of(To) - CodeNumber.Of(From);

    /// <summary>'CPT4' and 'cpt' are both CPT; 'ICD-10-CM' stays as it is.</summary>
    public static string NormalSystem(string system)
    {
        var s = system.Trim().ToUpperInvariant();
        return s.Length > 1 && char.IsAsciiDigit(s[^1]) && s[..^1].All(char.IsAsciiLetter) ? s[..^1] : s;
    }

    private static bool SameShape(string code, string pattern)
    {
        if (code.Length != pattern.Length) return false;
        for (var i = 0; i < code.Length; i++)
            if (char.IsDigit(code[i]) != char.IsDigit(pattern[i])) return false;
        return true;
    }
}

/// <summary>A code as a number, for telling adjacent codes (37187, 37188) apart from distant ones.</summary>
internal static class CodeNumber
{
    /// <summary>
    /// The code's digits as a number, offset by its letters so that codes of different shapes or letters are
    /// never near each other ('J1100' and 'K1100' are far apart); -1 for a code with no digits.
    /// </summary>
    public static long Of(string code)
    {
        long digits = 0, letters = 0;
        var anyDigit = false;
        foreach (var c in code)
        {
            if (char.IsAsciiDigit(c)) { digits = digits * 10 + (c - '0'); anyDigit = true; }
            else if (char.IsAsciiLetter(c)) letters = letters * 37 + char.ToUpperInvariant(c) - 'A' + 1;
            else return -1;
            if (digits > 99_999_999) return -1;
        }
        return anyDigit ? letters * 1_000_000_000L + code.Length * 100_000_000L + digits : -1;
    }
}
