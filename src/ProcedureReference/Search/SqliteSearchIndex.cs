using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProcedureReference.Parsing;
using ProcedureReference.Storage;

namespace ProcedureReference.Search;

/// <summary>
/// Search over the SQLite reference: code lookup, FTS5 full text weighted by field, synonyms, facets, HTML-safe
/// snippets linked to their section, did-you-mean and type-ahead. Each call opens its own read-only connection
/// (pooled), so one instance serves any number of threads. The query never reaches SQL or MATCH as typed: see
/// <see cref="QueryTokens"/> and <see cref="MatchExpression"/>.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    /// <summary>The score of a page whose code is the query: above any text match.</summary>
    public const double ExactCodeScore = 1_000_000;

    /// <summary>The score of a page whose code starts with the query.</summary>
    public const double CodePrefixScore = 100_000;

    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    public const int MaxSuggestions = 50;

    /// <summary>Pages found by code per query at most ('784' finds at most a hundred CPT codes anyway).</summary>
    private const int MaxCodeHits = 200;

    private static readonly FileSnapshotCache<Vocabulary> Vocabularies = new();
    private static readonly FileSnapshotCache<SuggestIndex> SuggestIndexes = new();

    private readonly string _connectionString;
    private readonly string _databasePath;
    private readonly Synonyms _synonyms;
    private readonly CodeCategories _categories;

    /// <param name="connectionString">A SQLite connection string to a database file; it is opened read-only whatever it says.</param>
    /// <param name="synonyms">Synonym groups (content/synonyms.csv); none when null.</param>
    /// <param name="categories">Code ranges (content/cpt-ranges.csv); no categories when null.</param>
    public SqliteSearchIndex(string connectionString, Synonyms? synonyms = null, CodeCategories? categories = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        _connectionString = builder.ToString();
        _databasePath = Path.GetFullPath(builder.DataSource);
        _synonyms = synonyms ?? Synonyms.Empty;
        _categories = categories ?? CodeCategories.Empty;
    }

    /// <summary>
    /// How long a statement waits for a writer's lock before failing with SQLITE_BUSY (Microsoft.Data.Sqlite's
    /// command timeout, 30 s unless set). Live files are replaced by rename, never written in place, so only an
    /// outside tool holding a lock makes anyone wait.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = SearchFilters.From(query);
        var plan = QueryPlan.Create(query.Text, _synonyms);
        if (plan.IsEmpty) return Empty(filters, plan);

        return Interruptible(connection =>
        {
            var results = Run(connection, plan, filters, cancellationToken);
            if (results.Total > 0) return results;

            // Nothing found: try the query with its misspelt words corrected, and show those hits if there are any.
            var corrected = Correct(connection, plan);
            if (corrected is null) return results;
            var retry = Run(connection, QueryPlan.Create(corrected, _synonyms), filters, cancellationToken);
            return retry.Total > 0 ? retry with { Query = filters.Text, DidYouMean = corrected } : results;
        }, cancellationToken);
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit = 8, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prefix) || limit <= 0) return [];
        var index = SuggestIndexes.Get(_databasePath, () => Interruptible(SuggestIndex.Read, cancellationToken));
        limit = Math.Min(limit, MaxSuggestions);
        var suggestions = index.Suggest(prefix, limit);
        if (suggestions.Count > 0 || !prefix.Any(char.IsLetter)) return suggestions;

        // Lay words ('blood clot') start no title or name: offer the best search hits for them instead.
        return Search(new SearchQuery(prefix, PageSize: limit), cancellationToken).Hits
            .Select(hit => new Suggestion(hit.Code, hit.Title, null))
            .ToList();
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a connection of its own that a cancelled token interrupts mid-statement;
    /// the interrupted statement surfaces as an <see cref="OperationCanceledException"/>, as any cancellation does.
    /// </summary>
    private T Interruptible<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        // Declared after the connection, so disposed before it goes back to the pool.
        using var interrupt = SqliteInterrupt.OnCancel(connection, cancellationToken);
        try
        {
            return read(connection);
        }
        catch (SqliteException e) when (SqliteInterrupt.IsInterrupt(e) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The search was cancelled.", e, cancellationToken);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(CommandTimeout.TotalSeconds));
        // Categories are computed from codes in memory (they are not stored), so SQL can filter and group by them.
        connection.CreateFunction<string, string, string?>(
            SearchSql.CategoryFunction, (system, code) => _categories.CategoryOf(system, code), isDeterministic: true);
        return connection;
    }

    private SearchResults Run(SqliteConnection connection, QueryPlan plan, SearchFilters filters, CancellationToken cancellationToken)
    {
        // sqlite3_interrupt stops a running statement; between statements the token is checked here.
        cancellationToken.ThrowIfCancellationRequested();
        // A section filter asks where words appear, which a code match does not answer.
        var codeHits = filters.Section is null ? LookupCodes(connection, plan.CodeTerms) : [];
        var match = plan.Units.Count > 0 ? MatchExpression.For(plan.Units) : null;
        var filteredMatch = match is not null && filters.Section is { } section ? MatchExpression.For(plan.Units, section) : match;
        if (codeHits.Count == 0 && filteredMatch is null) return Empty(filters, plan);

        var codeIds = JsonSerializer.Serialize(codeHits.Select(h => h.Id));
        var hasMatch = filteredMatch is not null;
        SqliteCommand Command(string sql, string? system, string? category) =>
            SearchCommand(connection, sql, codeIds, filteredMatch, system, category);

        using var count = Command(SearchSql.Count(hasMatch), filters.System, filters.Category);
        var total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        using var pageCommand = Command(SearchSql.Page(hasMatch), filters.System, filters.Category);
        pageCommand.Parameters.AddWithValue("$limit", filters.PageSize);
        pageCommand.Parameters.AddWithValue("$offset", (filters.Page - 1) * filters.PageSize);
        var rows = new List<HitRow>();
        using (var reader = pageCommand.ExecuteReader())
        {
            while (reader.Read())
                rows.Add(new HitRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4) == 0, reader.GetDouble(5)));
        }

        var exactIds = codeHits.Where(h => h.Exact).Select(h => h.Id).ToHashSet();
        var snippets = HitSnippets.For(connection, rows.Select(r => r.Id).ToList(), match, filters.Section);
        var hits = rows.Select(r => new SearchHit(
            r.Code, r.System, r.Title, _categories.CategoryOf(r.System, r.Code),
            snippets[r.Id].Html, snippets[r.Id].Section,
            r.ByCode ? (exactIds.Contains(r.Id) ? ExactCodeScore : CodePrefixScore) : -r.Bm25)).ToList();

        using var systems = Command(SearchSql.SystemCounts(hasMatch), null, filters.Category);
        using var categories = Command(SearchSql.CategoryCounts(hasMatch), filters.System, null);
        return new SearchResults(
            filters.Text, total, filters.Page, filters.PageSize, hits,
            Facets(systems), Facets(categories), SectionFacets(connection, plan, match, filters, cancellationToken),
            DidYouMean: null, plan.ExpandedTerms);
    }

    /// <summary>How many pages match within each section, under the system and category filters (not the section one).</summary>
    private static List<FacetCount> SectionFacets(SqliteConnection connection, QueryPlan plan, string? match, SearchFilters filters, CancellationToken cancellationToken)
    {
        if (match is null) return [];
        using var command = SearchCommand(connection, SearchSql.Count(hasMatch: true), "[]", match, filters.System, filters.Category);
        var counts = new List<FacetCount>();
        foreach (var kind in Enum.GetValues<SectionKind>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            command.Parameters["$match"].Value = MatchExpression.For(plan.Units, kind);
            var count = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (count > 0) counts.Add(new FacetCount(kind.ToName(), SectionLabel(kind), count));
        }
        // Stable sort: equal counts stay in page order.
        return [.. counts.OrderByDescending(c => c.Count)];
    }

    private static List<FacetCount> Facets(SqliteCommand command)
    {
        var counts = new List<FacetCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var value = reader.GetString(0);
            counts.Add(new FacetCount(value, value, reader.GetInt32(1)));
        }
        return [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)];
    }

    private static SqliteCommand SearchCommand(SqliteConnection connection, string sql, string codeIds, string? match, string? system, string? category)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$codeIds", codeIds);
        command.Parameters.AddWithValue("$match", (object?)match ?? DBNull.Value);
        command.Parameters.AddWithValue("$system", (object?)system ?? DBNull.Value);
        command.Parameters.AddWithValue("$category", (object?)category ?? DBNull.Value);
        return command;
    }

    /// <summary>Pages found by code: exact matches first (in query order), then prefix matches in code order.</summary>
    private static List<(int Id, bool Exact)> LookupCodes(SqliteConnection connection, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return [];
        using var command = connection.CreateCommand();
        command.CommandText = SearchSql.CodeLookup;
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var prefix = command.Parameters.Add("$prefix", SqliteType.Text);
        command.Parameters.AddWithValue("$limit", MaxCodeHits);
        var exact = new List<int>();
        var byPrefix = new List<(int Id, int Ordinal)>();
        foreach (var term in terms)
        {
            code.Value = term;
            prefix.Value = EscapeLike(term) + "%";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetBoolean(1)) exact.Add(reader.GetInt32(0));
                else byPrefix.Add((reader.GetInt32(0), reader.GetInt32(2)));
            }
        }
        return [.. exact.Distinct().Select(id => (id, true))
            .Concat(byPrefix.OrderBy(p => p.Ordinal).Select(p => p.Id).Distinct().Except(exact).Select(id => (id, false)))
            .Take(MaxCodeHits)];
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>The query with each unknown word replaced by the nearest word of the reference, or null when nothing changes.</summary>
    private string? Correct(SqliteConnection connection, QueryPlan plan)
    {
        if (plan.Words.Count == 0) return null;
        var vocabulary = Vocabularies.Get(_databasePath, () => Vocabulary.Read(connection));
        var changed = false;
        var words = plan.Words.Select((word, i) =>
        {
            var keep = QueryPlan.IsCodeLike(word)
                || _synonyms.GroupOf(word).Count > 0
                || (i == plan.Words.Count - 1 && vocabulary.HasPrefix(word));
            var correction = keep ? null : vocabulary.Correct(word);
            changed |= correction is not null;
            return correction ?? word;
        }).ToList();
        return changed ? string.Join(' ', words) : null;
    }

    private static SearchResults Empty(SearchFilters filters, QueryPlan plan) =>
        new(filters.Text, 0, filters.Page, filters.PageSize, [], [], [], [], null, plan.ExpandedTerms);

    /// <summary>"patient_experience" → "Patient experience".</summary>
    internal static string SectionLabel(SectionKind kind)
    {
        var name = kind.ToName().Replace('_', ' ');
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private sealed record HitRow(int Id, string Code, string System, string Title, bool ByCode, double Bm25);
}
