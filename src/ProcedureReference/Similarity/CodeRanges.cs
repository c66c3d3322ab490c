namespace ProcedureReference.Similarity;

/// <summary>
/// Where codes stand in their code set: a small built-in table of the CPT sections and subsections, or the
/// content folder's cpt-ranges.csv (columns system,from,to,section,subsection; '#' starts a comment line)
/// when there is one.
/// </summary>
public sealed class CodeRanges
{
    public const string FileName = "cpt-ranges.csv";

    private readonly CodeRange[] _ranges;

    public CodeRanges(IEnumerable<CodeRange> ranges) =>
        // Narrowest first, so a code takes its subsection rather than the section around it.
        _ranges = [.. ranges.OrderBy(r => r.Width).ThenBy(r => r.From, StringComparer.Ordinal)];

    public IReadOnlyList<CodeRange> All => _ranges;

    /// <summary>The CPT sections and the subsections a coder uses most, as the AMA numbers them.</summary>
    public static CodeRanges BuiltIn { get; } = new(
    [
        new("CPT", "00100", "01999", "Anesthesia", ""),
        new("CPT", "10004", "69990", "Surgery", ""),
        new("CPT", "10030", "19499", "Surgery", "Integumentary System"),
        new("CPT", "20100", "29999", "Surgery", "Musculoskeletal System"),
        new("CPT", "30000", "32999", "Surgery", "Respiratory System"),
        new("CPT", "33016", "37799", "Surgery", "Cardiovascular System"),
        new("CPT", "38100", "38999", "Surgery", "Hemic and Lymphatic Systems"),
        new("CPT", "39000", "39599", "Surgery", "Mediastinum and Diaphragm"),
        new("CPT", "40490", "49999", "Surgery", "Digestive System"),
        new("CPT", "50010", "53899", "Surgery", "Urinary System"),
        new("CPT", "54000", "55899", "Surgery", "Male Genital System"),
        new("CPT", "56405", "58999", "Surgery", "Female Genital System"),
        new("CPT", "59000", "59899", "Surgery", "Maternity Care and Delivery"),
        new("CPT", "60000", "60699", "Surgery", "Endocrine System"),
        new("CPT", "61000", "64999", "Surgery", "Nervous System"),
        new("CPT", "65091", "68899", "Surgery", "Eye and Ocular Adnexa"),
        new("CPT", "69000", "69979", "Surgery", "Auditory System"),
        new("CPT", "70010", "79999", "Radiology", ""),
        new("CPT", "70010", "76499", "Radiology", "Diagnostic Radiology"),
        new("CPT", "76506", "76999", "Radiology", "Diagnostic Ultrasound"),
        new("CPT", "77001", "77022", "Radiology", "Radiologic Guidance"),
        new("CPT", "77046", "77067", "Radiology", "Breast Mammography"),
        new("CPT", "77071", "77086", "Radiology", "Bone/Joint Studies"),
        new("CPT", "77261", "77799", "Radiology", "Radiation Oncology"),
        new("CPT", "78012", "79999", "Radiology", "Nuclear Medicine"),
        new("CPT", "80047", "89398", "Pathology and Laboratory", ""),
        new("CPT", "90281", "99607", "Medicine", ""),
        new("CPT", "92920", "93799", "Medicine", "Cardiovascular"),
        new("CPT", "93880", "93998", "Medicine", "Noninvasive Vascular Diagnostic Studies"),
        new("CPT", "97010", "97799", "Medicine", "Physical Medicine and Rehabilitation"),
        new("CPT", "99202", "99499", "Evaluation and Management", ""),
        new("CPT", "0001F", "9007F", "Category II", ""),
        new("CPT", "0001T", "0999T", "Category III", ""),
    ]);

    /// <summary>The narrowest range that holds the code, as an index into <see cref="All"/>; -1 when none does.</summary>
    public int IndexOf(string system, string code)
    {
        for (var i = 0; i < _ranges.Length; i++)
            if (_ranges[i].Contains(system, code)) return i;
        return -1;
    }

    /// <summary>
    /// The folder's cpt-ranges.csv, else the built-in table. The file is optional; its unusable lines are
    /// reported in <paramref name="warnings"/> and skipped, and a file with no usable line is not used.
    /// </summary>
    public static CodeRanges Load(string folder, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return BuiltIn;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"{FileName} cannot be read ({e.Message}); the built-in CPT ranges were used");
            return BuiltIn;
        }
        var ranges = new List<CodeRange>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimStart('\uFEFF');
            if (line.TrimStart().StartsWith('#')) continue;
            var fields = SplitCsv(line);
            if (fields.Count == 0 || fields[0].Equals("system", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Count < 4 || fields[1].Length == 0 || fields[1].Length != fields[2].Length || fields[3].Length == 0
                || string.CompareOrdinal(fields[1], fields[2]) > 0)
            {
                warnings.Add($"{FileName} line {n + 1}: expected 'system,from,to,section,subsection' with from <= to; line ignored");
                continue;
            }
            ranges.Add(new CodeRange(CodeRange.NormalSystem(fields[0]), fields[1].ToUpperInvariant(), fields[2].ToUpperInvariant(),
                fields[3], fields.Count > 4 ? fields[4] : ""));
        }
        if (ranges.Count > 0) return new CodeRanges(ranges);
        warnings.Add($"{FileName} has no usable line; the built-in CPT ranges were used");
        return BuiltIn;
    }

    /// <summary>One CSV line: commas separate, double quotes may wrap a field that holds commas ('"Surgery, general"').</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        if (line.Trim().Length == 0) return fields;
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
