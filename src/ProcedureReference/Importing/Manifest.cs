namespace ProcedureReference.Importing;

/// <summary>
/// content/codes.csv: which code each page file holds (columns file,code). Problems in it are
/// reported as warnings; a file it does not name falls back to the code on the page or in its name.
/// </summary>
public sealed class Manifest
{
    public const string FileName = "codes.csv";

    private readonly Dictionary<string, string> _codes;

    private Manifest(Dictionary<string, string> codes, IReadOnlyList<string> warnings)
    {
        _codes = codes;
        Warnings = warnings;
    }

    public static Manifest Empty { get; } = new(new(StringComparer.Ordinal), []);

    public IReadOnlyList<string> Warnings { get; }

    public IEnumerable<string> Files => _codes.Keys;

    public string? CodeFor(string fileName) => _codes.GetValueOrDefault(fileName);

    /// <summary>Reads the manifest in <paramref name="folder"/>; a missing one is empty.</summary>
    public static Manifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    public static Manifest Parse(string csv)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var lines = csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || (n == 0 && line.Equals("file,code", StringComparison.OrdinalIgnoreCase))) continue;
            var parts = line.Split(',');
            if (parts.Length != 2 || parts[0].Trim().Trim('"') is not { Length: > 0 } file
                || parts[1].Trim().Trim('"') is not { Length: > 0 } code)
            {
                warnings.Add($"{FileName} line {n + 1}: expected 'file,code', found '{Truncate(line)}'; line ignored");
                continue;
            }
            if (!codes.TryAdd(file, code))
                warnings.Add($"{FileName} line {n + 1}: {file} is listed twice; the first code ({codes[file]}) kept");
        }
        return new Manifest(codes, warnings);
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
