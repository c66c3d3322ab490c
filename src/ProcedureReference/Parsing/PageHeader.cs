using ProcedureReference.Codes;

namespace ProcedureReference.Parsing;

/// <summary>
/// The lines above the first section: the descriptor (title), the code-system line, the name of the
/// procedure, its common names and technical term.
/// </summary>
internal sealed record PageHeader(
    string? Title,
    string? System,
    ProcedureCode? StatedCode,
    string? Name,
    IReadOnlyList<string> CommonNames,
    string? TechnicalTerm,
    int BodyStart,
    bool KnownLayout)
{
    /// <summary>How many leading non-empty lines may hold the code-system line or the name label.</summary>
    private const int HeaderWindow = 12;

    public static PageHeader Read(IReadOnlyList<string> lines)
    {
        var known = IsKnownLayout(lines);
        string? title = null, system = null, name = null, term = null;
        ProcedureCode? code = null;
        var commonNames = new List<string>();
        var expectName = false;
        var i = 0;

        for (; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;

            if (title is null && system is null && IsChrome(line)) continue;
            if (CodeSystemLine(line) is { } cs && system is null)
            {
                (system, code) = cs;
                continue;
            }
            if (line.StartsWith(SectionRules.NameLabel, StringComparison.OrdinalIgnoreCase) && name is null)
            {
                var inline = line[SectionRules.NameLabel.Length..].Trim();
                if (inline.Length > 0) name = inline; else expectName = true;
                continue;
            }
            if (AfterLabel(line, SectionRules.CommonNamesLabels) is { } names && commonNames.Count == 0)
            {
                commonNames.AddRange(SplitNames(names));
                continue;
            }
            if (AfterLabel(line, SectionRules.TechnicalTermLabels) is { } t && term is null)
            {
                term = t;
                continue;
            }
            if (known && title is null && !expectName && name is null)
            {
                title = line;
                continue;
            }
            if (expectName && name is null)
            {
                name = line;
                expectName = false;
                continue;
            }
            break;
        }

        if (!known)
        {
            // An unknown layout: only a first line that is clearly not a heading is taken as the title.
            return UnknownLayout(lines);
        }
        return new PageHeader(title, system, code, name, commonNames, term, i, KnownLayout: true);
    }

    private static PageHeader UnknownLayout(IReadOnlyList<string> lines)
    {
        var i = 0;
        while (i < lines.Count && (TextLines.IsBlank(lines[i]) || IsChrome(lines[i].Trim()))) i++;
        string? title = null;
        if (i < lines.Count && SectionRules.MatchHeading(lines[i].Trim()) is null && !lines[i].Trim().EndsWith('?')
            && !TextLines.IsListItem(lines[i]) && lines[i].Trim().Length <= 200
            && (i + 1 >= lines.Count || TextLines.IsBlank(lines[i + 1])))
        {
            title = lines[i].Trim();
            i++;
        }
        return new PageHeader(title, null, null, null, [], null, i, KnownLayout: false);
    }

    private static bool IsKnownLayout(IReadOnlyList<string> lines) =>
        lines.Where(l => !TextLines.IsBlank(l)).Take(HeaderWindow)
            .Any(l => CodeSystemLine(l.Trim()) is not null
                      || l.Trim().StartsWith(SectionRules.NameLabel, StringComparison.OrdinalIgnoreCase));

    private static bool IsChrome(string line) =>
        SectionRules.SiteChrome.Any(c => string.Equals(c, line, StringComparison.OrdinalIgnoreCase));

    /// <summary>'CPT4 code' or 'CPT4 code 93970': the system and the code stated, if any.</summary>
    internal static (string System, ProcedureCode? Code)? CodeSystemLine(string line)
    {
        foreach (var (label, system) in SectionRules.CodeSystems)
        {
            if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = line[label.Length..].Trim().TrimStart(':').Trim();
            if (rest.Length == 0) return (system, null);
            if (ProcedureCode.IsCodeShaped(rest)) return (system, ProcedureCode.Parse(rest));
        }
        return null;
    }

    private static string? AfterLabel(string line, string[] labels)
    {
        foreach (var label in labels)
            if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
                return line[label.Length..].Trim();
        return null;
    }

    /// <summary>'Bilateral Venogram, Leg Venogram' lists two names; commas inside parentheses do not split.</summary>
    internal static IEnumerable<string> SplitNames(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(': depth++; break;
                case ')': depth = Math.Max(0, depth - 1); break;
                case ',' or ';' when depth == 0:
                    if (text[start..i].Trim() is { Length: > 0 } part) yield return part;
                    start = i + 1;
                    break;
            }
        }
        if (text[start..].Trim() is { Length: > 0 } last) yield return last;
    }
}
