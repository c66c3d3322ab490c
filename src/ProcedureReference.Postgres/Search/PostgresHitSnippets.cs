using NpgsqlTypes;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>
/// Picks, for each hit on a page of results (and only those), the snippet to show and the section it links to,
/// as SQLite does: a ts_headline is cut from the descriptor and from every section (only the filtered section's
/// under a section filter), and the one marking the most distinct query words wins (ties: the earlier section).
/// A match only in the descriptor or names links nowhere and shows the summary; a page found by its code alone
/// shows the first words of its summary. The HTML comes from <see cref="SnippetHtml"/>: text encoded, marks added.
/// </summary>
internal static class PostgresHitSnippets
{
    /// <summary>
    /// The markers ts_headline wraps matches in: control characters taken out of the text beforehand, so they
    /// cannot occur in it (see <see cref="PostgresSearchSql.Headlines"/>). About a dozen words, as SQLite's snippets.
    /// </summary>
    private static readonly string Options =
        $"StartSel=\"{SnippetHtml.Open}\", StopSel=\"{SnippetHtml.Close}\", MaxWords=14, MinWords=8, ShortWord=2";

    public static Dictionary<int, (string Html, string? Section)> For(
        PostgresRead read, ContentVersion version, IReadOnlyList<int> ids, string? query, string? anyWord, SectionKind? section)
    {
        var chosen = new Dictionary<int, (string Html, string? Section)>();
        if (ids.Count == 0) return chosen;

        if (query is not null)
        {
            // Without a section filter, only the sections holding a query word are headlined (see MarkedHeadlines).
            var marked = section is null && anyWord is not null;
            read.Each(marked ? PostgresSearchSql.MarkedHeadlines : PostgresSearchSql.Headlines(section), p =>
            {
                PostgresTextMatches.Bind(p, version, query);
                p.Add(new() { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
                p.Add(new() { Value = Options, NpgsqlDbType = NpgsqlDbType.Text });
                if (marked) p.Add(new() { Value = anyWord, NpgsqlDbType = NpgsqlDbType.Text });
            }, row =>
            {
                var snippets = new string?[row.FieldCount - 1];
                for (var i = 0; i < snippets.Length; i++) snippets[i] = row.IsDBNull(i + 1) ? null : Brackets(row.GetString(i + 1));
                chosen[row.GetInt32(0)] = Choose(snippets, section);
            });
        }

        var missing = ids.Where(id => !chosen.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            read.Each(PostgresSearchSql.Leads, p =>
            {
                p.Add(new() { Value = version.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
                p.Add(new() { Value = missing, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            }, row =>
            {
                var summary = row.IsDBNull(1) ? null : row.GetString(1);
                chosen[row.GetInt32(0)] = (SnippetHtml.Lead(string.IsNullOrWhiteSpace(summary) ? row.GetString(2) : summary), null);
            });
        }

        // A page without a search row cannot happen after an import; an empty snippet is the safe answer.
        foreach (var id in ids) chosen.TryAdd(id, ("", null));
        return chosen;
    }

    /// <summary>The angle brackets that travelled as control characters 3 and 4, back (encoded later with the rest).</summary>
    private static string Brackets(string headline) => headline.Replace('\u0003', '<').Replace('\u0004', '>');

    /// <summary>
    /// <paramref name="snippets"/>: the descriptor's, then one per section kind in kind order (as SQLite's
    /// HitSnippets.Choose). A section filter decides the section outright.
    /// </summary>
    internal static (string Html, string? Section) Choose(IReadOnlyList<string?> snippets, SectionKind? section)
    {
        string? Of(SectionKind kind) => snippets[1 + (int)kind];

        if (section is { } only) return (SnippetHtml.Render(Of(only)), only.ToName());

        SectionKind? best = null;
        var bestScore = (Distinct: 0, Marks: 0);
        foreach (var kind in Enum.GetValues<SectionKind>())
        {
            var score = SnippetHtml.Matches(Of(kind));
            if (score.Distinct > bestScore.Distinct || (score.Distinct == bestScore.Distinct && score.Marks > bestScore.Marks))
                (best, bestScore) = (kind, score);
        }
        if (best is { } found) return (SnippetHtml.Render(Of(found)), found.ToName());

        var summary = Of(SectionKind.Summary);
        return (SnippetHtml.Render(string.IsNullOrWhiteSpace(summary) ? snippets[0] : summary), null);
    }
}
