using ProcedureReference.Codes;

namespace ProcedureReference.Importing;

/// <summary>
/// content/codes.csv: which code each page file holds (columns file,code). Problems in it are
/// reported as warnings with the line's number, and a code that is not a <see cref="ProcedureCode"/> ('A/B') is not
/// used; a file it does not name, or names with no usable code, falls back to the code on the page or in its name.
/// Fields may be quoted ("a, b.txt"); there are no comment lines, since a file name may start with '#'.
/// </summary>
public sealed class Manifest
{
    public const string FileName = "codes.csv";

    private readonly Dictionary<string, ProcedureCode> _codes;

    private Manifest(Dictionary<string, ProcedureCode> codes, IReadOnlyList<string> warnings)
    {
        _codes = codes;
        Warnings = warnings;
    }

    public static Manifest Empty { get; } = new(new(StringComparer.Ordinal), []);

    public IReadOnlyList<string> Warnings { get; }

    public IEnumerable<string> Files => _codes.Keys;

    public ProcedureCode? CodeFor(string fileName) => _codes.GetValueOrDefault(fileName);

    /// <summary>Reads the manifest in <paramref name="folder"/>; a missing one is empty.</summary>
    public static Manifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    public static Manifest Parse(string csv)
    {
        var codes = new Dictionary<string, ProcedureCode>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var line in DataFile.Parse(csv, FileName, comments: false, warnings))
        {
            if (line.Number == 1 && line.Fields is [var first, var second]
                && first.Equals("file", StringComparison.OrdinalIgnoreCase) && second.Equals("code", StringComparison.OrdinalIgnoreCase)) continue;
            if (line.Fields is not [{ Length: > 0 } file, { Length: > 0 } text])
            {
                warnings.Add($"{FileName} line {line.Number}: expected 'file,code', found '{DataFile.Shorten(line.Text)}'; line ignored");
                continue;
            }
            if (!ProcedureCode.TryParse(text, out var code))
            {
                warnings.Add($"{FileName} line {line.Number}: '{DataFile.Shorten(text)}' for {file} is not a code ({ProcedureCode.AllowedCharacters}); line ignored");
                continue;
            }
            if (!codes.TryAdd(file, code))
                warnings.Add($"{FileName} line {line.Number}: {file} is listed twice; the first code ({codes[file]}) kept");
        }
        return new Manifest(codes, warnings);
    }
}
