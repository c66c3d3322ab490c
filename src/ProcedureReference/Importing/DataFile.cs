using CsvHelper;

namespace ProcedureReference.Importing;

/// <summary>One line of a data file: its 1-based number, its fields (unquoted, trimmed) and the line as written.</summary>
public sealed record DataLine(int Number, IReadOnlyList<string> Fields, string Text);

/// <summary>
/// Reads the content folder's CSV data files (codes.csv, cpt-ranges.csv, synonyms.csv) one way, with CsvHelper:
/// commas separate fields, a field in double quotes may hold commas ("Surgery, general") and doubled quotes,
/// spaces around fields are dropped, blank lines are skipped, and where a file allows comments a line whose first
/// field starts with '#' is one. A record never runs past its line, so one stray quote spoils one line, which is
/// reported with its number and skipped, not the rest of the file.
/// </summary>
public static class DataFile
{
    private const char CommentPrefix = '#';

    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file's name, for the warnings.</param>
    /// <param name="comments">Whether '#' starts a comment line.</param>
    /// <param name="warnings">Where lines that break the quoting rules are reported.</param>
    public static IReadOnlyList<DataLine> Parse(string text, string fileName, bool comments, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(warnings);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            DetectSeparatorHint = false,
            AllowLineBreaksInQuotes = false,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            CommentPrefix = comments ? CommentPrefix : null,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => warnings.Add(
                $"{fileName} line {bad.LineNumber}: {Describe(bad.Reason)} in '{Shorten(bad.RawRecord)}'; line ignored"),
        };

        var lines = new List<DataLine>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            if (fields is [""]) continue; // a line of spaces
            if (comments && fields[0].StartsWith(CommentPrefix)) continue; // an indented comment
            lines.Add(new DataLine(checked((int)reader.LineNumber), fields, reader.Current.ToString()));
        }
        return lines;
    }

    /// <summary>Parses lines already split, as tests and callers holding lines have them.</summary>
    public static IReadOnlyList<DataLine> Parse(IEnumerable<string> lines, string fileName, bool comments, ICollection<string> warnings) =>
        Parse(string.Join('\n', lines), fileName, comments, warnings);

    /// <summary>A line for a message: at most 60 characters.</summary>
    /// <summary>
    /// The data file an import uses: <paramref name="fileName"/> in <paramref name="folder"/>, else
    /// <paramref name="shipped"/> (the repository's own). A file that cannot be read or has no usable line is
    /// reported in <paramref name="warnings"/>, ending with <paramref name="shippedUsed"/>, and the shipped one is used.
    /// </summary>
    public static T ForImport<T>(string folder, string fileName, string shippedUsed, T shipped,
        Func<string, ICollection<string>, T> parse, Func<T, bool> hasLines, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(hasLines);
        ArgumentNullException.ThrowIfNull(warnings);
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path)) return shipped;
        T read;
        try
        {
            read = parse(File.ReadAllText(path), warnings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"{fileName} cannot be read ({e.Message}); {shippedUsed}");
            return shipped;
        }
        if (hasLines(read)) return read;
        warnings.Add($"{fileName} has no usable line; {shippedUsed}");
        return shipped;
    }

    public static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "a quote that is not closed",
        _ => "malformed quoting",
    };
}
