namespace ProcedureReference.Search;

/// <summary>
/// A row of cpt-ranges.csv: a range of codes that the code set files under one heading. CPT 33016-37799 is the
/// Surgery section's Cardiovascular System subsection; a row with no subsection is a whole section. The ends
/// have one shape ('70010', '0001T'): a code is in the range when it has that shape and sorts between them,
/// which for codes of one shape is numeric order, so one table serves CPT, HCPCS and Category II/III codes.
/// </summary>
public sealed record CodeRange(string System, string From, string To, string Section, string? Subsection)
{
    /// <summary>What the range is called on a page: its subsection, or its section when it has none.</summary>
    public string Label => Subsection ?? Section;

    /// <summary>'same CPT subsection: Cardiovascular System'.</summary>
    public string SameRangeReason => $"same {System} {(Subsection is null ? "section" : "subsection")}: {Label}";

    /// <summary>Whether the range holds the code: same system ('cpt', 'CPT4' and 'CPT' are one), same shape, between the ends.</summary>
    public bool Holds(string system, string code) =>
        string.Equals(NormalSystem(system), System, StringComparison.Ordinal)
        && SameShape(code)
        && string.Compare(code, From, StringComparison.OrdinalIgnoreCase) >= 0
        && string.Compare(code, To, StringComparison.OrdinalIgnoreCase) <= 0;

    /// <summary>'CPT4' and 'cpt' are both CPT; 'ICD-10-CM' stays as it is.</summary>
    public static string NormalSystem(string system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var s = system.Trim().ToUpperInvariant();
        return s.Length > 1 && char.IsAsciiDigit(s[^1]) && s[..^1].All(char.IsAsciiLetter) ? s[..^1] : s;
    }

    /// <summary>ASCII digits where the ends have digits; where they have letters, a letter between theirs ('0042T' is not in 0001F-9007F).</summary>
    private bool SameShape(string code)
    {
        if (code.Length != From.Length) return false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToUpperInvariant(code[i]);
            var fits = char.IsAsciiDigit(From[i]) ? char.IsAsciiDigit(c) : char.IsAsciiLetter(c) && c >= From[i] && c <= To[i];
            if (!fits) return false;
        }
        return true;
    }
}
