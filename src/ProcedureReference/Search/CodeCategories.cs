namespace ProcedureReference.Search;

/// <summary>Where a code sits in its system's published ranges: 78458 is Radiology / Nuclear Medicine.</summary>
public sealed record CodeCategory(string Section, string? Subsection);

/// <summary>
/// The code ranges of content/cpt-ranges.csv (<c>system,from,to,section,subsection</c>; '#' comments): rows with
/// an empty subsection are sections, the others subsections within them. The ends of a range have one shape
/// ('70010', '0001T') and hold the codes of that shape between them. Categories are not stored in the
/// database; they are computed from codes in memory, which costs nothing at this scale. A category value (for
/// the facet and the filter) is the section name alone, e.g. "Surgery".
/// </summary>
public sealed class CodeCategories
{
    private readonly IReadOnlyList<Range> _sections;
    private readonly IReadOnlyList<Range> _subsections;

    private CodeCategories(IReadOnlyList<Range> sections, IReadOnlyList<Range> subsections)
    {
        _sections = sections;
        _subsections = subsections;
    }

    public static CodeCategories Empty { get; } = new([], []);

    /// <summary>Reads the ranges file; a missing file means no categories.</summary>
    public static CodeCategories Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : Empty;

    /// <summary>Parses the CSV lines; the header line and malformed rows are skipped (the file is ours, not user input).</summary>
    public static CodeCategories Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sections = new List<Range>();
        var subsections = new List<Range>();
        foreach (var line in lines)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var cells = text.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length < 4 || cells[1].Length == 0 || cells[1].Length != cells[2].Length || cells[3].Length == 0) continue;
            var subsection = cells.Length > 4 && cells[4].Length > 0 ? cells[4] : null;
            var range = new Range(cells[0], cells[1].ToUpperInvariant(), cells[2].ToUpperInvariant(), cells[3], subsection);
            (subsection is null ? sections : subsections).Add(range);
        }
        return new(sections, subsections);
    }

    /// <summary>The section (and subsection, when one is listed) holding a code, or null for codes outside every range.</summary>
    public CodeCategory? Find(string system, string code)
    {
        var section = _sections.FirstOrDefault(r => r.Holds(system, code));
        if (section is null) return null;
        var subsection = _subsections.FirstOrDefault(r => r.Section == section.Section && r.Holds(system, code));
        return new CodeCategory(section.Section, subsection?.Subsection);
    }

    /// <summary>The category value of a code: its section name, or null.</summary>
    public string? CategoryOf(string system, string code) => _sections.FirstOrDefault(r => r.Holds(system, code))?.Section;

    /// <summary>
    /// An inclusive range of codes of one shape: '00100' to '01999', or '0001T' to '0999T'. A code is in it when it
    /// has that shape and sorts between the ends, which for codes of one shape is numeric order.
    /// </summary>
    private sealed record Range(string System, string From, string To, string Section, string? Subsection)
    {
        public bool Holds(string system, string code) =>
            string.Equals(system, System, StringComparison.OrdinalIgnoreCase)
            && SameShape(code)
            && string.Compare(code, From, StringComparison.OrdinalIgnoreCase) >= 0
            && string.Compare(code, To, StringComparison.OrdinalIgnoreCase) <= 0;

        /// <summary>Digits where the ends have digits; where they have letters, a letter between theirs ('0042T' is not in 0001F-9007F).</summary>
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
}
