using ProcedureReference.Importing;

namespace ProcedureReference.Search;

/// <summary>Where a code sits in its system's published ranges: 78458 is Radiology / Nuclear Medicine.</summary>
public sealed record CodeCategory(string Section, string? Subsection);

/// <summary>
/// The code ranges of cpt-ranges.csv, the one place that says where a code stands: search facets and browse
/// (its section is its category) and the similar codes' 'same CPT subsection' reason both ask it. Columns
/// <c>system,from,to,section,subsection</c>, read with <see cref="DataFile"/> ('#' comments, quoted fields): rows with
/// an empty subsection are sections, the others subsections within them. The ends of a range have one shape
/// ('70010', '0001T') and hold the codes of that shape between them. Categories are not stored in the database;
/// they are computed from codes in memory, which costs nothing at this scale.
/// </summary>
public sealed class CodeCategories
{
    public const string FileName = "cpt-ranges.csv";

    private readonly CodeRange[] _ranges;

    private CodeCategories(CodeRange[] ranges) => _ranges = ranges;

    public static CodeCategories Empty { get; } = new([]);

    /// <summary>The ranges the reference ships (its own content/cpt-ranges.csv), for an import whose folder has none.</summary>
    public static CodeCategories Shipped { get; } = ReadShipped();

    /// <summary>Every range, in file order.</summary>
    public IReadOnlyList<CodeRange> All => _ranges;

    /// <summary>Reads the ranges file; a missing file means no categories. Unusable lines go to <paramref name="warnings"/>.</summary>
    public static CodeCategories Load(string path, ICollection<string>? warnings = null) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), warnings ?? []) : Empty;

    /// <summary>
    /// The ranges an import uses: the folder's cpt-ranges.csv, else <see cref="Shipped"/>. A file that cannot be read
    /// or has no usable line is reported in <paramref name="warnings"/> and the shipped ranges are used.
    /// </summary>
    public static CodeCategories ForImport(string folder, ICollection<string> warnings) =>
        DataFile.ForImport(folder, FileName, "the shipped CPT ranges were used", Shipped, Parse, ranges => ranges._ranges.Length > 0, warnings);

    /// <summary>Parses the file's lines; the header line is skipped and unusable lines reported and skipped.</summary>
    public static CodeCategories Parse(IEnumerable<string> lines, ICollection<string>? warnings = null) =>
        Parse(string.Join('\n', lines), warnings ?? []);

    public static CodeCategories Parse(string text, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var ranges = new List<CodeRange>();
        foreach (var line in DataFile.Parse(text, FileName, comments: true, warnings))
        {
            var f = line.Fields;
            if (f[0].Equals("system", StringComparison.OrdinalIgnoreCase)) continue;
            if (f.Count is < 4 or > 5 || f[0].Length == 0 || f[1].Length == 0 || f[1].Length != f[2].Length || f[3].Length == 0
                || string.CompareOrdinal(f[1].ToUpperInvariant(), f[2].ToUpperInvariant()) > 0)
            {
                warnings.Add($"{FileName} line {line.Number}: expected 'system,from,to,section,subsection' with from and to of one length and from <= to, found '{DataFile.Shorten(line.Text)}'; line ignored");
                continue;
            }
            var subsection = f.Count > 4 && f[4].Length > 0 ? f[4] : null;
            ranges.Add(new CodeRange(CodeRange.NormalSystem(f[0]), f[1].ToUpperInvariant(), f[2].ToUpperInvariant(), f[3], subsection));
        }
        return new([.. ranges]);
    }

    /// <summary>The section (and subsection, when one is listed) holding a code, or null for codes outside every range.</summary>
    public CodeCategory? Find(string system, string code)
    {
        var index = IndexOf(system, code);
        if (index < 0) return null;
        var range = _ranges[index];
        return new CodeCategory(range.Section, range.Subsection);
    }

    /// <summary>The category value of a code: its section name, or null.</summary>
    public string? CategoryOf(string system, string code) => Find(system, code)?.Section;

    /// <summary>
    /// The range that places a code, as an index into <see cref="All"/>: the first subsection of the code's section
    /// that holds it, else that section (the first section row holding it); -1 when no section holds it.
    /// </summary>
    public int IndexOf(string system, string code)
    {
        var section = Array.FindIndex(_ranges, r => r.Subsection is null && r.Holds(system, code));
        if (section < 0) return -1;
        var name = _ranges[section].Section;
        var subsection = Array.FindIndex(_ranges, r => r.Subsection is not null && r.Section == name && r.Holds(system, code));
        return subsection >= 0 ? subsection : section;
    }

    private static CodeCategories ReadShipped()
    {
        using var stream = typeof(CodeCategories).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"the shipped {FileName} is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), []);
    }
}
