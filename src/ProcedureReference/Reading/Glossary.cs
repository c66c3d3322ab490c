using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcedureReference.Importing;

namespace ProcedureReference.Reading;

/// <summary>A word a reader may not know, and what it means in plain words.</summary>
public sealed record GlossaryEntry(string Term, string Definition);

/// <summary>
/// The words to know (content/glossary.csv, columns <c>term,definition</c>, read with <see cref="DataFile"/>: '#'
/// comments, quoted fields, a header line). An import keeps the glossary it was given with its content version (as
/// JSON in content_info), so a page always shows the definitions of the version it comes from. A term in capitals
/// (DVT, CT) is found only in capitals, so 'ct' inside a sentence is not taken for it; any other term in any case,
/// with its plural ('catheters', 'biopsies'), and its words split by spaces or hyphens ('X-ray', 'x ray').
/// </summary>
public sealed class Glossary
{
    public const string FileName = "glossary.csv";

    /// <summary>The content_info key holding a version's glossary as JSON.</summary>
    public const string ContentInfoKey = "glossary";

    public const int MaxTermChars = 60;
    public const int MaxDefinitionChars = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The last glossary read back from JSON: every request of a version reads the same text, and building the
    // matcher for each one would be wasted work.
    private static Tuple<string, Glossary>? s_lastRead;

    private readonly GlossaryEntry[] _entries;
    private readonly Regex? _matcher;
    private readonly GlossaryEntry?[] _entryOfGroup = [];

    private Glossary(GlossaryEntry[] entries)
    {
        _entries = entries;
        if (entries.Length == 0) return;
        _matcher = BuildMatcher(entries);
        _entryOfGroup = new GlossaryEntry?[_matcher.GetGroupNumbers().Max() + 1];
        for (var index = 0; index < entries.Length; index++)
            _entryOfGroup[_matcher.GroupNumberFromName(GroupName(index))] = entries[index];
    }

    public static Glossary Empty { get; } = new([]);

    /// <summary>The glossary the reference ships (its own content/glossary.csv), for an import whose folder has none.</summary>
    public static Glossary Shipped { get; } = ReadShipped();

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<GlossaryEntry> Entries => _entries;

    /// <summary>
    /// The glossary an import keeps: the folder's glossary.csv, else <see cref="Shipped"/>. A file that cannot be
    /// read or has no usable line is reported in <paramref name="warnings"/> and the shipped one is used.
    /// </summary>
    public static Glossary ForImport(string folder, ICollection<string> warnings) =>
        DataFile.ForImport(folder, FileName, "the shipped glossary was used", Shipped, Parse, glossary => glossary._entries.Length > 0, warnings);

    /// <summary>Parses the file: the header line is skipped, unusable lines and repeated terms reported and skipped.</summary>
    public static Glossary Parse(string text, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var entries = new List<GlossaryEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFile.Parse(text, FileName, comments: true, warnings))
        {
            var f = line.Fields;
            if (f.Count == 2 && f[0].Equals("term", StringComparison.OrdinalIgnoreCase) && f[1].Equals("definition", StringComparison.OrdinalIgnoreCase))
                continue;
            var term = f.Count == 2 ? string.Join(' ', f[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : "";
            var definition = f.Count == 2 ? f[1] : "";
            if (!UsableTerm(term) || definition.Length is 0 or > MaxDefinitionChars || definition.Any(char.IsControl))
            {
                warnings.Add($"{FileName} line {line.Number}: expected 'term,definition' (a term of letters, digits, spaces and hyphens up to {MaxTermChars} characters, a definition up to {MaxDefinitionChars}), found '{DataFile.Shorten(line.Text)}'; line ignored");
                continue;
            }
            if (!seen.Add(term))
            {
                warnings.Add($"{FileName} line {line.Number}: '{term}' is defined on an earlier line; line ignored");
                continue;
            }
            entries.Add(new GlossaryEntry(term, definition));
        }
        return new([.. entries]);
    }

    /// <summary>The glossary as stored with a content version.</summary>
    public string ToJson() => JsonSerializer.Serialize(_entries, Json);

    /// <summary>A version's stored glossary; none stored (a version imported before glossaries) or unreadable is empty.</summary>
    public static Glossary FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return Empty;
        if (Volatile.Read(ref s_lastRead) is { } last && last.Item1 == json) return last.Item2;
        GlossaryEntry[] entries;
        try
        {
            entries = JsonSerializer.Deserialize<GlossaryEntry[]>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return Empty;
        }
        // Stored by this class, but checked again: the matcher is built from it.
        var glossary = new Glossary([.. entries.Where(e => e is not null && UsableTerm(e.Term) && !string.IsNullOrEmpty(e.Definition))]);
        Volatile.Write(ref s_lastRead, Tuple.Create(json, glossary));
        return glossary;
    }

    /// <summary>Where terms occur in <paramref name="text"/> (plain text), left to right, the longest term at a place.</summary>
    public IEnumerable<(int Index, int Length, GlossaryEntry Entry)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_matcher is null) yield break;
        for (var match = _matcher.Match(text); match.Success; match = match.NextMatch())
        {
            for (var group = 1; group < _entryOfGroup.Length; group++)
            {
                if (_entryOfGroup[group] is not { } entry || !match.Groups[group].Success) continue;
                yield return (match.Index, match.Length, entry);
                break;
            }
        }
    }

    private static bool UsableTerm(string? term) =>
        term is { Length: > 0 and <= MaxTermChars }
        && char.IsLetterOrDigit(term[0]) && char.IsLetterOrDigit(term[^1])
        && term.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'');

    private static string GroupName(int entryIndex) => $"e{entryIndex}";

    /// <summary>One named alternative per entry, longest terms tried first at each place.</summary>
    private static Regex BuildMatcher(GlossaryEntry[] entries)
    {
        var alternatives = entries
            .Select((entry, index) => (Pattern: $"(?<{GroupName(index)}>{PatternOf(entry.Term)})", entry.Term.Length))
            .OrderByDescending(a => a.Length)
            .Select(a => a.Pattern);
        // Escaped literals only, so matching is linear; the timeout is the analyzers' rule, not an expected case.
        return new Regex($@"\b(?:{string.Join('|', alternatives)})\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2));
    }

    private static string PatternOf(string term)
    {
        var words = term.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape).ToList();
        var body = string.Join(@"[\s\-]+", words);
        var capitals = term.Any(char.IsLetter) && term.Where(char.IsLetter).All(char.IsUpper);
        // A consonant and y makes its plural with -ies (biopsies); anything else with -s or -es (X-rays, bruises).
        var consonantY = !capitals && term.Length > 1 && term[^1] is 'y' or 'Y' && !"aeiouAEIOU".Contains(term[^2], StringComparison.Ordinal);
        body = consonantY ? body[..^1] + "(?:y|ies)" : body + "(?:e?s)?";
        return capitals ? $"(?-i:{body})" : body;
    }

    private static Glossary ReadShipped()
    {
        using var stream = typeof(Glossary).Assembly.GetManifestResourceStream(FileName);
        if (stream is null) return Empty;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), []);
    }
}
