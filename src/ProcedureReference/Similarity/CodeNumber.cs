namespace ProcedureReference.Similarity;

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
