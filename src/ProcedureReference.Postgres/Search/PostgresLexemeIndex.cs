using System.Collections.Concurrent;
using System.Numerics;
using NpgsqlTypes;
using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>
/// Which pages hold each lexeme of a content version, in memory: the inverted index the GIN indexes hold, read
/// once per version from the stored vectors (<c>tsvector_to_array</c> of every document, and of every descriptor
/// and names vector for the pages that lead a broad search). Finding a query's matches in it takes microseconds
/// where <c>document @@ q</c> visits (and for phrases decompresses) every matching row: at 100,000 pages a word on
/// most pages cost a second on the server. A page set is a bit per page id; a lexeme on few pages keeps its ids
/// (4 bytes each), one on more than a 32nd of the pages a bit set (one bit per page): the generated corpus has
/// 1,048 lexemes (205 a page) at 10,000 and at 100,000 pages, 5.3 MB at 10,000 and at most 13 MB at 100,000, and
/// the descriptors' and names' 434 lexemes a few MB more. Reading it is one aggregate on the server: 1.4 s at
/// 10,000 pages, about 40 s at 100,000 on the loaded 2-core machine (in the background; searches meanwhile take
/// the GIN path).
/// </summary>
/// <remarks>
/// The index answers exactly what <c>to_tsquery('procref', ...)</c> matches: the query's words are normalized by the
/// server (<see cref="Normalize"/>, cached), a word with a prefix mark matches every lexeme starting with its
/// stem, and the words of a phrase (synonyms such as 'blood thinner') are first narrowed to the pages holding all
/// of them, then checked in order by the server (<c>document @@ phrase</c> on those pages only) once per version.
/// A word the server turns into something other than one lexeme leaves the search to the SQL path.
/// </remarks>
internal sealed class PostgresLexemeIndex
{
    /// <summary>Phrase page sets kept per version at most (a phrase comes only from the synonyms file).</summary>
    private const int MaxPhrases = 4_096;

    /// <summary>Normalized words kept at most (the text search configuration is fixed, so across versions).</summary>
    private const int MaxNormalized = 100_000;

    private static readonly ConcurrentDictionary<(string Word, bool Prefix), Lexeme?> Normalized = new();

    private readonly Postings _documents;
    private readonly Postings _leads;
    private readonly ConcurrentDictionary<(bool Lead, string Phrase), ulong[]> _phrases = new();

    private PostgresLexemeIndex(Postings documents, Postings leads, int bound)
    {
        _documents = documents;
        _leads = leads;
        Bound = bound;
    }

    /// <summary>One more than the highest page id: the length of every page set in bits.</summary>
    public int Bound { get; }

    /// <summary>A normalized query word: its lexeme, and whether it matches every lexeme it starts.</summary>
    public sealed record Lexeme(string Text, bool Prefix);

    /// <summary>Reads the version's lexemes (seconds at 100,000 pages: run it in the background).</summary>
    public static PostgresLexemeIndex Build(PostgresRead read, ContentVersion version)
    {
        var bound = read.Scalar(PostgresSearchSql.MaxPageId, p => Version(p, version), 0) + 1;
        return new(Postings.Read(read, version, PostgresSearchSql.DocumentLexemes, bound),
            Postings.Read(read, version, PostgresSearchSql.LeadLexemes, bound), bound);
    }

    /// <summary>
    /// The pages matching <paramref name="units"/> (every unit; within a unit any of its alternatives) in the whole
    /// document, or with <paramref name="lead"/> in the descriptor or names; null when a word has no single lexeme.
    /// </summary>
    public ulong[]? Match(PostgresRead read, ContentVersion version, IReadOnlyList<QueryUnit> units, bool lead)
    {
        var words = units.SelectMany(u => Alternatives(u).SelectMany(a => a.Words.Select((w, i) => (w, a.Prefix && i == a.Words.Count - 1)))).ToList();
        if (!Normalize(read, words)) return null;
        var postings = lead ? _leads : _documents;
        ulong[]? all = null;
        foreach (var unit in units)
        {
            var any = new ulong[Words(Bound)];
            foreach (var alternative in Alternatives(unit))
            {
                var lexemes = alternative.Words.Select((w, i) => Normalized[(w, alternative.Prefix && i == alternative.Words.Count - 1)]!).ToList();
                if (lexemes.Count == 1)
                {
                    postings.OrInto(lexemes[0], any);
                    continue;
                }
                var candidates = Full(Bound);
                foreach (var lexeme in lexemes)
                {
                    var one = new ulong[candidates.Length];
                    postings.OrInto(lexeme, one);
                    And(candidates, one);
                }
                Or(any, Phrase(read, version, new QueryUnit(alternative.Words, [], alternative.Prefix), candidates, lead));
            }
            if (all is null) all = any;
            else And(all, any);
        }
        return all ?? new ulong[Words(Bound)];
    }

    /// <summary>The pages among <paramref name="candidates"/> where the phrase's words follow each other: asked of the server once per version.</summary>
    private ulong[] Phrase(PostgresRead read, ContentVersion version, QueryUnit phrase, ulong[] candidates, bool lead)
    {
        var text = lead ? TsQueryText.InDescriptorOrNames([phrase]) : TsQueryText.For([phrase]);
        if (_phrases.TryGetValue((lead, text), out var known)) return known;
        var found = new ulong[candidates.Length];
        var ids = Ids(candidates);
        if (ids.Count > 0)
        {
            read.Each(PostgresSearchSql.MatchesAmong(lead), p =>
            {
                PostgresTextMatches.Bind(p, version, text);
                p.Add(new() { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            }, row => Set(found, row.GetInt32(0)));
        }
        if (_phrases.Count < MaxPhrases) _phrases.TryAdd((lead, text), found);
        return found;
    }

    /// <summary>
    /// Fills the cache of normalized words with <paramref name="words"/>' (one statement for those not known yet);
    /// false when one of them is not a single lexeme.
    /// </summary>
    private static bool Normalize(PostgresRead read, List<(string Word, bool Prefix)> words)
    {
        var missing = words.Where(w => !Normalized.ContainsKey(w)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var texts = missing.Select(w => TsQueryText.Lexeme(w.Word, w.Prefix)).ToArray();
            var results = new List<string>();
            read.Each(PostgresSearchSql.Normalize, p => p.Add(new() { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }),
                row => results.Add(row.IsDBNull(0) ? "" : row.GetString(0)));
            if (results.Count != missing.Count) return false;
            if (Normalized.Count > MaxNormalized) Normalized.Clear();
            for (var i = 0; i < missing.Count; i++) Normalized[missing[i]] = Parse(results[i]);
        }
        return words.All(w => Normalized.TryGetValue(w, out var lexeme) && lexeme is not null);
    }

    /// <summary>A tsquery's text as the server prints it, when it is one lexeme (<c>'word'</c> or <c>'word':*</c>); else null.</summary>
    internal static Lexeme? Parse(string tsquery)
    {
        if (tsquery.Length < 2 || tsquery[0] != '\'') return null;
        var text = new System.Text.StringBuilder();
        var i = 1;
        for (; i < tsquery.Length; i++)
        {
            var c = tsquery[i];
            if (c == '\\' && i + 1 < tsquery.Length) text.Append(tsquery[++i]);
            else if (c == '\'' && i + 1 < tsquery.Length && tsquery[i + 1] == '\'') text.Append(tsquery[++i]);
            else if (c == '\'') break;
            else text.Append(c);
        }
        if (i >= tsquery.Length || text.Length == 0) return null;
        var rest = tsquery[(i + 1)..];
        return rest switch
        {
            "" => new Lexeme(text.ToString(), false),
            ":*" => new Lexeme(text.ToString(), true),
            _ => null,
        };
    }

    private static IEnumerable<(IReadOnlyList<string> Words, bool Prefix)> Alternatives(QueryUnit unit) =>
        [(unit.Words, unit.Prefix), .. unit.Synonyms.Select(words => (words, false))];

    public static int Words(int bound) => (bound + 63) / 64;

    private static ulong[] Full(int bound)
    {
        var bits = new ulong[Words(bound)];
        Array.Fill(bits, ulong.MaxValue);
        return bits;
    }

    public static bool Contains(ulong[] bits, int id) => id >= 0 && (id >> 6) < bits.Length && (bits[id >> 6] & (1UL << (id & 63))) != 0;

    private static void Set(ulong[] bits, int id) => bits[id >> 6] |= 1UL << (id & 63);

    private static void And(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < into.Length; i++) into[i] &= other[i];
    }

    private static void Or(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < into.Length; i++) into[i] |= other[i];
    }

    public static int Count(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits) count += BitOperations.PopCount(word);
        return count;
    }

    /// <summary>The page ids in a set, ascending.</summary>
    public static List<int> Ids(ulong[] bits)
    {
        var ids = new List<int>(Count(bits));
        for (var i = 0; i < bits.Length; i++)
        {
            var word = bits[i];
            while (word != 0)
            {
                ids.Add((i << 6) + BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
        }
        return ids;
    }

    private static void Version(Npgsql.NpgsqlParameterCollection parameters, ContentVersion version) =>
        parameters.Add(new() { Value = version.Id, NpgsqlDbType = NpgsqlDbType.Bigint });

    /// <summary>Lexemes in ordinal order, each with its pages: ids when few, a bit set when many.</summary>
    private sealed class Postings(string[] lexemes, int[]?[] ids, ulong[]?[] bits)
    {
        public static Postings Read(PostgresRead read, ContentVersion version, string sql, int bound)
        {
            var rows = new List<(string Lexeme, int[]? Ids, ulong[]? Bits)>();
            read.Each(sql, p => Version(p, version), row =>
            {
                var pages = row.GetFieldValue<int[]>(1);
                if (pages.Length * 32L > bound)
                {
                    var set = new ulong[Words(bound)];
                    foreach (var id in pages) Set(set, id);
                    rows.Add((row.GetString(0), null, set));
                }
                else
                {
                    rows.Add((row.GetString(0), pages, null));
                }
            });
            rows.Sort((a, b) => string.CompareOrdinal(a.Lexeme, b.Lexeme));
            return new([.. rows.Select(r => r.Lexeme)], [.. rows.Select(r => r.Ids)], [.. rows.Select(r => r.Bits)]);
        }

        /// <summary>Adds the pages of <paramref name="lexeme"/> (of every lexeme it starts, for a prefix) to <paramref name="into"/>.</summary>
        public void OrInto(Lexeme lexeme, ulong[] into)
        {
            var at = Array.BinarySearch(lexemes, lexeme.Text, StringComparer.Ordinal);
            if (!lexeme.Prefix)
            {
                if (at >= 0) OrInto(at, into);
                return;
            }
            for (var i = at >= 0 ? at : ~at; i < lexemes.Length && lexemes[i].StartsWith(lexeme.Text, StringComparison.Ordinal); i++) OrInto(i, into);
        }

        private void OrInto(int i, ulong[] into)
        {
            if (bits[i] is { } set) Or(into, set);
            else foreach (var id in ids[i]!) Set(into, id);
        }
    }
}
