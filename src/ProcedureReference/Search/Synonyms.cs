using ProcedureReference.Importing;

namespace ProcedureReference.Search;

/// <summary>
/// Groups of words and phrases that mean the same to a searcher ('blood clot', 'thrombus'), read from an
/// editable file read with <see cref="DataFile"/>: one group per line, entries separated by commas (an entry in
/// double quotes may hold one), '#' starts a comment anywhere on a line. Entries are split into
/// words exactly as queries are, so 'x-ray' is the phrase 'x ray' and matches what a user types either way.
/// An entry in several lines gets the union of its groups.
/// </summary>
public sealed class Synonyms
{
    /// <summary>Longest query phrase looked up; longer entries are still searched as part of their group.</summary>
    public const int MaxPhraseWords = 3;

    public const string FileName = "synonyms.csv";

    private readonly Dictionary<string, string[][]> _groups;

    private Synonyms(Dictionary<string, string[][]> groups) => _groups = groups;

    public static Synonyms Empty { get; } = new(new(StringComparer.Ordinal));

    /// <summary>Reads the synonyms file; a missing file means no synonyms.</summary>
    public static Synonyms Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : Empty;

    /// <summary>Parses the file's lines; lines that break the quoting rules go to <paramref name="warnings"/> and are skipped.</summary>
    public static Synonyms Parse(IEnumerable<string> lines, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in DataFile.Parse(lines, FileName, comments: true, warnings ?? []))
        {
            var entries = BeforeComment(line.Fields)
                .Select(entry => string.Join(' ', QueryTokens.Words(entry)))
                .Where(entry => entry.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (entries.Count < 2) continue;
            foreach (var entry in entries)
            {
                if (!members.TryGetValue(entry, out var group)) members[entry] = group = new(StringComparer.Ordinal);
                group.UnionWith(entries);
            }
        }
        return new(members.ToDictionary(
            p => p.Key,
            p => p.Value.Order(StringComparer.Ordinal).Select(e => e.Split(' ')).ToArray(),
            StringComparer.Ordinal));
    }

    /// <summary>The fields before a '#', which starts a comment anywhere on a line ('clot # the lay word').</summary>
    private static IEnumerable<string> BeforeComment(IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            var hash = field.IndexOf('#', StringComparison.Ordinal);
            yield return hash < 0 ? field : field[..hash];
            if (hash >= 0) yield break;
        }
    }

    /// <summary>The group of a word or phrase (itself included, words space-separated, lower case), or empty.</summary>
    public IReadOnlyList<string> GroupOf(string termOrPhrase) =>
        _groups.TryGetValue(string.Join(' ', QueryTokens.Words(termOrPhrase)), out var group)
            ? group.Select(words => string.Join(' ', words)).ToList()
            : [];

    /// <summary>
    /// The longest phrase (up to <see cref="MaxPhraseWords"/> words) starting at <paramref name="start"/> that has a
    /// group: its length in words and the group's entries as word lists.
    /// </summary>
    internal bool TryMatch(IReadOnlyList<string> words, int start, out int length, out IReadOnlyList<string[]> group)
    {
        for (length = Math.Min(MaxPhraseWords, words.Count - start); length > 0; length--)
        {
            if (_groups.TryGetValue(string.Join(' ', words.Skip(start).Take(length)), out var found))
            {
                group = found;
                return true;
            }
        }
        group = [];
        return false;
    }
}
