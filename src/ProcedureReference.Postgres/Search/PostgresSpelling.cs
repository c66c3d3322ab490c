using NpgsqlTypes;
using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>
/// Did-you-mean from the version's words as written (search_words: a word and the pages it is on; ts_stat would
/// give stems, which are not words to offer a reader), with the rules of the SQLite vocabulary: words of one or
/// two letters and known words are left alone; at most one edit for words of up to five letters, two for longer;
/// the nearest wins, then the word on the most pages, then the alphabetically first. pg_trgm's index finds the
/// candidates (most similar first), and the edit distance decides among them.
/// </summary>
internal static class PostgresSpelling
{
    private const int MinCorrectableLength = 3;

    /// <summary>Trigram candidates read per word: far more than the few within two edits.</summary>
    private const int MaxCandidates = 50;

    /// <summary>
    /// How alike (trigram similarity) a candidate must be. Below pg_trgm's default 0.3: one edit in a short word
    /// ('clt' and 'clot') shares few trigrams, and the edit distance, not this, decides.
    /// </summary>
    private const string SimilarityThreshold = "0.2";

    public static bool Contains(PostgresRead read, ContentVersion version, string word) =>
        read.Scalar(PostgresSearchSql.WordExists, p => Bind(p, version, word), false);

    /// <summary>Whether some word starts with <paramref name="prefix"/> (the last word of a query may be unfinished).</summary>
    public static bool HasPrefix(PostgresRead read, ContentVersion version, string prefix) =>
        read.Scalar(PostgresSearchSql.WordWithPrefixExists, p => Bind(p, version, EscapeLike(prefix) + "%"), false);

    /// <summary>The nearest known word to <paramref name="word"/>, or null when it is known, too short, or nothing is near.</summary>
    public static string? Correct(PostgresRead read, ContentVersion version, string word)
    {
        if (word.Length < MinCorrectableLength || !word.All(char.IsLetter) || Contains(read, version, word)) return null;
        read.Each(PostgresSearchSql.SimilarityThreshold,
            p => p.Add(new() { Value = SimilarityThreshold, NpgsqlDbType = NpgsqlDbType.Text }), _ => { });
        var candidates = new List<(string Word, int Pages)>();
        read.Each(PostgresSearchSql.SimilarWords, p =>
        {
            Bind(p, version, word);
            p.Add(new() { Value = MaxCandidates, NpgsqlDbType = NpgsqlDbType.Integer });
        }, row => candidates.Add((row.GetString(0), row.GetInt32(1))));

        var max = word.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = max + 1;
        var bestCount = 0;
        foreach (var (candidate, count) in candidates.Where(c => c.Word.All(char.IsLetter)).OrderBy(c => c.Word, StringComparer.Ordinal))
        {
            var distance = EditDistance.Bounded(word, candidate, max);
            if (distance > max) continue;
            if (distance < bestDistance || (distance == bestDistance && count > bestCount))
                (best, bestDistance, bestCount) = (candidate, distance, count);
        }
        return best;
    }

    private static void Bind(Npgsql.NpgsqlParameterCollection parameters, ContentVersion version, string text)
    {
        parameters.Add(new() { Value = version.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new() { Value = text, NpgsqlDbType = NpgsqlDbType.Text });
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> literally (backslash is LIKE's default escape).</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
