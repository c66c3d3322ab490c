using NpgsqlTypes;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>
/// The full-text side of a search, with SQLite's policy (its TextMatches): finding which pages match is cheap
/// (the document's GIN index), ranking them costs per page, so a search ranks all its matches only when they are
/// at most <see cref="MaxScoredPages"/>; a broader one ranks the pages that have the words in their descriptor or
/// names (which lead anyway) and lists the rest in code order.
/// </summary>
internal static class PostgresTextMatches
{
    /// <summary>Matches ranked one by one at most.</summary>
    public const int MaxScoredPages = 1_000;

    public static List<int> RowIds(PostgresRead read, ContentVersion version, string query, SectionKind? section)
    {
        var ids = new List<int>();
        read.Each(PostgresSearchSql.Matches(section), p => Bind(p, version, query), row => ids.Add(row.GetInt32(0)));
        return ids;
    }

    /// <summary>
    /// The negated rank per page (lower is better, as the result order wants) for the pages it is worth
    /// computing for; see the class summary.
    /// </summary>
    public static Dictionary<int, double> Scores(PostgresRead read, ContentVersion version, IReadOnlyList<QueryUnit> units, SectionKind? section, int matchCount)
    {
        if (units.Count == 0 || matchCount == 0) return [];
        var (query, sql) = matchCount <= MaxScoredPages
            ? (TsQueryText.For(units), PostgresSearchSql.Ranks(section))
            // Under a section filter too: a descriptor match outside the section is simply not among the hits.
            : (TsQueryText.InDescriptorOrNames(units), PostgresSearchSql.LeadRanks);
        var scores = new Dictionary<int, double>();
        read.Each(sql, p =>
        {
            Bind(p, version, query);
            p.Add(new() { Value = MaxScoredPages + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        }, row => scores[row.GetInt32(0)] = -row.GetFloat(1));
        return scores.Count > MaxScoredPages ? [] : scores;
    }

    /// <summary>
    /// <see cref="Scores"/> for matches found in the lexeme index: all of <paramref name="ids"/> (the matches, or those
    /// of them worth ranking) ranked when they are
    /// at most <see cref="MaxScoredPages"/>, read by primary key; else the pages of <paramref name="leads"/> (the
    /// pages with every unit in their descriptor or names; null when the index cannot say) when at most that many.
    /// </summary>
    public static Dictionary<int, double> ScoresOf(PostgresRead read, ContentVersion version, IReadOnlyList<QueryUnit> units,
        IReadOnlyList<int> ids, Func<List<int>?> leads)
    {
        if (units.Count == 0 || ids.Count == 0) return [];
        var scores = new Dictionary<int, double>();
        if (ids.Count <= MaxScoredPages)
        {
            read.Each(PostgresSearchSql.RanksOf, p =>
            {
                Bind(p, version, TsQueryText.For(units));
                p.Add(new() { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            }, row => scores[row.GetInt32(0)] = -row.GetFloat(1));
            return scores;
        }
        if (leads() is not { } lead) return Scores(read, version, units, section: null, ids.Count);
        if (lead.Count == 0 || lead.Count > MaxScoredPages) return [];
        read.Each(PostgresSearchSql.LeadRanksAmong, p =>
        {
            Bind(p, version, TsQueryText.InDescriptorOrNames(units));
            p.Add(new() { Value = lead.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            p.Add(new() { Value = MaxScoredPages + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        }, row => scores[row.GetInt32(0)] = -row.GetFloat(1));
        return scores.Count > MaxScoredPages ? [] : scores;
    }

    /// <summary>Per section kind (in kind order), how many of <paramref name="ids"/> match the query within it.</summary>
    public static int[] SectionCounts(PostgresRead read, ContentVersion version, string query, IReadOnlyCollection<int> ids)
    {
        var counts = new int[Enum.GetValues<SectionKind>().Length];
        read.Each(PostgresSearchSql.SectionCounts, p =>
        {
            Bind(p, version, query);
            p.Add(new() { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        }, row => counts[row.GetInt16(0)] = (int)row.GetInt64(1));
        return counts;
    }

    /// <summary>$1 the version, $2 the tsquery text.</summary>
    public static void Bind(Npgsql.NpgsqlParameterCollection parameters, ContentVersion version, string query)
    {
        parameters.Add(new() { Value = version.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new() { Value = query, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
