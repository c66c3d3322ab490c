using ProcedureReference.Parsing;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// The statements of a search. Every text is fixed (built from constants, <see cref="SearchColumns"/> and
/// <see cref="SectionKind"/> names, never from the query); values are positional parameters: $1 the content
/// version, $2 the tsquery text (see <see cref="TsQueryText"/>), then ids or options. Every statement reads one
/// version (<c>version_id = $1</c>), so a search never mixes two publishes.
/// </summary>
internal static class PostgresSearchSql
{
    /// <summary>
    /// ts_rank's weights for D, C, B, A. SQLite weighs five fields (descriptor 10, names 8, summary 4, purpose 2,
    /// the rest 1); a tsvector has four weights: A the descriptor, B the names, C summary and purpose, D the rest.
    /// </summary>
    public const string RankWeights = "'{0.1, 0.3, 0.8, 1.0}'";

    private const string Query = "to_tsquery('procref', $2) AS q";

    public const string PageTable = "SELECT id, code, system, title, ordinal, name, common_names FROM pages WHERE version_id = $1";

    public const string Suggest =
        "SELECT code, title, name, common_names, technical_term FROM pages WHERE version_id = $1 ORDER BY ordinal, id";

    /// <summary>The pages matching $2, within <paramref name="section"/>'s text when given (search_sections' index).</summary>
    public static string Matches(SectionKind? section) => section is { } kind
        ? $"SELECT page_id FROM search_sections, {Query} WHERE version_id = $1 AND kind = {(int)kind} AND vector @@ q"
        : $"SELECT page_id FROM search_documents, {Query} WHERE version_id = $1 AND document @@ q";

    /// <summary>Up to $3 matching pages with their rank (higher is better); within <paramref name="section"/> when given.</summary>
    public static string Ranks(SectionKind? section) =>
        $"SELECT page_id, ts_rank({RankWeights}, document, q) FROM search_documents, {Query} " +
        $"WHERE version_id = $1 AND document @@ q{InSection(section)} LIMIT $3";

    /// <summary>
    /// Up to $3 pages whose descriptor or names match $2 (written for weights A and B), with their rank: which
    /// pages lead a broad search, found in the small title_names vector's index rather than in every document.
    /// </summary>
    public static readonly string LeadRanks =
        $"SELECT page_id, ts_rank({RankWeights}, document, q) FROM search_documents, {Query} " +
        "WHERE version_id = $1 AND title_names @@ q LIMIT $3";

    /// <summary>The rank of each of the pages $3 (all of them matches of $2, found in the lexeme index).</summary>
    public static readonly string RanksOf =
        $"SELECT page_id, ts_rank({RankWeights}, document, q) FROM search_documents, {Query} WHERE version_id = $1 AND page_id = ANY($3)";

    /// <summary>Up to $4 of the pages $3 whose descriptor or names match $2 (weights A and B), with their rank.</summary>
    public static readonly string LeadRanksAmong =
        $"SELECT page_id, ts_rank({RankWeights}, document, q) FROM search_documents, {Query} " +
        "WHERE version_id = $1 AND page_id = ANY($3) AND title_names @@ q LIMIT $4";

    /// <summary>Which of the pages $3 match $2 (a phrase) in the document, or with <paramref name="lead"/> in the descriptor or names.</summary>
    public static string MatchesAmong(bool lead) =>
        $"SELECT page_id FROM search_documents, {Query} WHERE version_id = $1 AND page_id = ANY($3) AND {(lead ? "title_names" : "document")} @@ q";

    /// <summary>The highest page id of the version.</summary>
    public const string MaxPageId = "SELECT coalesce(max(id), 0) FROM pages WHERE version_id = $1";

    /// <summary>Every lexeme of the version's documents with the pages it is on (the lexeme index, <see cref="PostgresLexemeIndex"/>).</summary>
    public const string DocumentLexemes =
        "SELECT lexeme, array_agg(page_id) FROM search_documents, unnest(tsvector_to_array(document)) AS lexeme WHERE version_id = $1 GROUP BY lexeme";

    /// <summary>Every lexeme of the version's descriptors and names with the pages it is on.</summary>
    public const string LeadLexemes =
        "SELECT lexeme, array_agg(page_id) FROM search_documents, unnest(tsvector_to_array(title_names)) AS lexeme WHERE version_id = $1 GROUP BY lexeme";

    /// <summary>Each of the tsquery texts $1 (one quoted word each, see <see cref="TsQueryText.Lexeme"/>) as the configuration normalizes it, in order.</summary>
    public const string Normalize =
        "SELECT to_tsquery('procref', w)::text FROM unnest($1::text[]) WITH ORDINALITY AS t(w, n) ORDER BY n";

    /// <summary>
    /// How many of the pages $3 match $2 within each section kind: (kind, pages) rows, for the kinds with a match.
    /// search_sections has one row per page and kind, so a row count is a page count.
    /// </summary>
    public static readonly string SectionCounts =
        $"SELECT kind, count(*) FROM search_sections, {Query} WHERE version_id = $1 AND vector @@ q AND page_id = ANY($3) GROUP BY kind";

    /// <summary>
    /// A headline of the descriptor and of each section kind (or only <paramref name="section"/>'s) for the
    /// pages $3 that match $2, with $4 the ts_headline options. Control characters 1 to 4 are taken out of the
    /// text first (so the match markers cannot occur in it), and angle brackets travel as 3 and 4: PostgreSQL's
    /// parser takes '&lt;b&gt;' for a tag and ts_headline drops tags, but the snippet must show the page text as it is.
    /// </summary>
    public static string Headlines(SectionKind? section)
    {
        var columns = new[] { SearchColumns.Title }.Concat(Enum.GetValues<SectionKind>().Select(k => k.ToName()))
            .Select(column => section is null || column == section.Value.ToName() ? Headline(column) : "NULL");
        return $"SELECT page_id, {string.Join(", ", columns)} FROM search_documents, {Query} " +
            "WHERE version_id = $1 AND page_id = ANY($3) AND document @@ q";
    }

    /// <summary>
    /// <see cref="Headlines"/> without a section filter, cutting a headline only from the sections that hold one of
    /// the words $5 (any query word, as a tsquery; the sections' stored vectors say which, through their page index):
    /// a section without one has no match to mark and is never chosen, so its headline was work thrown away. The
    /// descriptor's and the summary's are always cut (the fallbacks when no section has a mark).
    /// </summary>
    public static readonly string MarkedHeadlines =
        $"SELECT d.page_id, {string.Join(", ", Enum.GetValues<SectionKind>().Select(kind => kind == SectionKind.Summary
            ? Headline(kind.ToName(), "d.")
            : $"CASE WHEN {(int)kind} = ANY(k.kinds) THEN {Headline(kind.ToName(), "d.")} END").Prepend(Headline(SearchColumns.Title, "d.")))} " +
        $"FROM search_documents d, {Query}, to_tsquery('procref', $5) AS w, " +
        "LATERAL (SELECT array_agg(s.kind) AS kinds FROM search_sections s WHERE s.version_id = $1 AND s.page_id = d.page_id AND s.vector @@ w) AS k " +
        "WHERE d.version_id = $1 AND d.page_id = ANY($3) AND d.document @@ q";

    /// <summary>The summary and descriptor of the pages $2 (found by code alone: no match to cut a snippet around).</summary>
    public const string Leads = "SELECT page_id, summary, title FROM search_documents WHERE version_id = $1 AND page_id = ANY($2)";

    public const string WordExists = "SELECT EXISTS (SELECT 1 FROM search_words WHERE version_id = $1 AND word = $2)";

    /// <summary>$2: a LIKE pattern (the prefix, escaped, then '%'); the trigram index serves it.</summary>
    public const string WordWithPrefixExists = "SELECT EXISTS (SELECT 1 FROM search_words WHERE version_id = $1 AND word LIKE $2)";

    /// <summary>Words like $2 by trigrams, the most similar first, at most $3.</summary>
    public const string SimilarWords =
        "SELECT word, pages FROM search_words WHERE version_id = $1 AND word % $2 ORDER BY similarity(word, $2) DESC, pages DESC LIMIT $3";

    /// <summary>For this connection's next statements (a pooled connection is reset when it goes back): how alike a trigram candidate must be.</summary>
    public const string SimilarityThreshold = "SELECT set_config('pg_trgm.similarity_threshold', $1, false)";

    private static string InSection(SectionKind? section) => section is { } kind
        ? $" AND page_id IN (SELECT s.page_id FROM search_sections s WHERE s.version_id = $1 AND s.kind = {(int)kind} AND s.vector @@ q)"
        : "";

    private static string Headline(string column, string table = "") =>
        $"CASE WHEN {table}{column} IS NULL THEN NULL ELSE ts_headline('procref', " +
        $"translate({table}{column}, chr(1) || chr(2) || chr(3) || chr(4) || '<>', '    ' || chr(3) || chr(4)), q, $4) END";
}
