using Npgsql;
using NpgsqlTypes;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// Search over the shared PostgreSQL store with the behaviour of the SQLite one: codes by number and prefix first
/// (the domain's in-memory page table), full text over the weighted document ranked by ts_rank, a section filter,
/// facets, ts_headline snippets for the hits shown, synonyms, an unfinished last word as a prefix, did-you-mean
/// from the version's words with pg_trgm, and type-ahead from the domain's suggest index. A search reads the
/// version live when it starts, in every statement. The query never reaches SQL or to_tsquery as typed (see
/// <see cref="TsQueryText"/>); failures surface as the storage exceptions.
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    /// <summary>The score of a page whose code is the query: above any text match.</summary>
    public const double ExactCodeScore = 1_000_000;

    /// <summary>The score of a page whose code starts with the query.</summary>
    public const double CodePrefixScore = 100_000;

    public const int MaxSuggestions = 50;

    /// <summary>Pages found by code per query at most.</summary>
    private const int MaxCodeHits = 200;

    /// <summary>Above this many text matches a search does not count matches per section (see <see cref="SectionFacets"/>).</summary>
    public const int MaxSectionFacetPages = 1_000;

    private readonly VersionCache<PageTable> _pageTables = new();
    private readonly VersionCache<SuggestIndex> _suggestIndexes = new();
    private readonly VersionCache<PostgresLexemeIndex> _lexemeIndexes = new();
    private readonly Lock _lexemeGate = new();
    private (ContentVersion Version, Task Build)? _lexemeBuild;

    /// <summary>How long reading a version's lexemes may take (a background read, not a request's).</summary>
    private static readonly TimeSpan LexemeBuildTimeout = TimeSpan.FromMinutes(10);
    private readonly NpgsqlDataSource _source;
    private readonly PostgresOptions _options;
    private readonly IContentVersions _versions;
    private readonly Synonyms _synonyms;
    private readonly CodeCategories _categories;

    /// <param name="source">Connections to the shared store.</param>
    /// <param name="options">How long a statement may run.</param>
    /// <param name="versions">The live content's version, which every statement reads and the in-memory tables follow.</param>
    /// <param name="synonyms">Synonym groups (content/synonyms.csv); none when null.</param>
    /// <param name="categories">Code ranges (content/cpt-ranges.csv); no categories when null.</param>
    public PostgresSearchIndex(NpgsqlDataSource source, PostgresOptions options, IContentVersions versions,
        Synonyms? synonyms = null, CodeCategories? categories = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(versions);
        _source = source;
        _options = options;
        _versions = versions;
        _synonyms = synonyms ?? Synonyms.Empty;
        _categories = categories ?? CodeCategories.Empty;
    }

    /// <summary>
    /// Whether searches use the lexeme index and headline only the sections holding a query word (the default); off,
    /// every search is answered by the GIN indexes and every section is headlined, as before both (the tests
    /// compare the two).
    /// </summary>
    internal bool Shortcuts { get; init; } = true;

    /// <summary>How many text searches the lexeme index has answered (for the tests: the shortcut was taken).</summary>
    internal long LexemeAnswers => Interlocked.Read(ref _lexemeAnswers);

    private long _lexemeAnswers;

    /// <summary>How many searches ranked only their descriptor-or-names pages (see <see cref="ToRank"/>).</summary>
    internal long LeadOnlyRanks => Interlocked.Read(ref _leadOnlyRanks);

    private long _leadOnlyRanks;

    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default) => Search(query, lean: false, cancellationToken);

    private SearchResults Search(SearchQuery query, bool lean, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = SearchFilters.From(query);
        var plan = QueryPlan.Create(query.Text, _synonyms);
        if (plan.IsEmpty) return Empty(filters, plan);

        using var read = Start(cancellationToken);
        var version = _versions.Live;
        var results = Run(read, version, plan, filters, lean);
        if (results.Total > 0) return results;

        // An unfinished last word ('thromb'): now as a prefix.
        var prefixPlan = QueryPlan.Create(query.Text, _synonyms, longPrefix: true);
        if (prefixPlan.HasLongPrefix)
        {
            var prefixed = Run(read, version, prefixPlan, filters, lean);
            if (prefixed.Total > 0) return prefixed;
        }

        // Nothing found: try the query with its misspelt words corrected, and show those hits if there are any.
        var corrected = Correct(read, version, plan);
        if (corrected is null) return results;
        var retry = Run(read, version, QueryPlan.Create(corrected, _synonyms), filters, lean);
        return retry.Total > 0 ? retry with { Query = filters.Text, DidYouMean = corrected } : results;
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit = 8, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prefix) || limit <= 0) return [];
        cancellationToken.ThrowIfCancellationRequested();
        var version = _versions.Live;
        var index = _suggestIndexes.Get(version, () =>
        {
            using var read = Start(cancellationToken);
            var rows = new List<SuggestRow>();
            read.Each(PostgresSearchSql.Suggest, p => BindVersion(p, version), row => rows.Add(new(
                row.GetString(0), row.GetString(1), row.IsDBNull(2) ? null : row.GetString(2),
                row.IsDBNull(3) ? null : row.GetString(3), row.IsDBNull(4) ? null : row.GetString(4))));
            return SuggestIndex.Build(rows, _synonyms);
        });
        // Lay words ('blood clot') included: the index answers every prefix in memory, never with a search.
        return index.Suggest(prefix, Math.Min(limit, MaxSuggestions));
    }

    /// <summary>A read under the command timeout, on a database whose schema is made (a site may start on an empty one).</summary>
    private PostgresRead Start(CancellationToken cancellationToken)
    {
        PostgresSchema.EnsureCreated(_options.ConnectionString);
        return PostgresRead.Start(_source, _options.CommandTimeout, cancellationToken);
    }

    /// <summary>
    /// The lexeme index of <paramref name="version"/>, or null while it is being built: the first search of a version
    /// starts the build in the background (seconds at 100,000 pages, never under a request's timeout), and searches
    /// use the GIN indexes until it is ready.
    /// </summary>
    private PostgresLexemeIndex? Lexemes(ContentVersion version)
    {
        if (_lexemeIndexes.TryGet(version, out var index)) return index;
        PrepareLexemes(version);
        return null;
    }

    /// <summary>Builds the lexeme index of <paramref name="version"/> in the background, once; the task ends when it is ready (or failed).</summary>
    internal Task PrepareLexemes(ContentVersion version)
    {
        lock (_lexemeGate)
        {
            if (_lexemeIndexes.TryGet(version, out _)) return Task.CompletedTask;
            if (_lexemeBuild is { } running && running.Version == version) return running.Build;
            var build = Task.Run(() => BuildLexemes(version));
            _lexemeBuild = (version, build);
            return build;
        }
    }

    private void BuildLexemes(ContentVersion version)
    {
        try
        {
            _lexemeIndexes.Get(version, () =>
            {
                using var read = PostgresRead.Start(_source, LexemeBuildTimeout, CancellationToken.None);
                return PostgresLexemeIndex.Build(read, version);
            });
        }
        catch (Exception e) when (e is StorageException or NpgsqlException)
        {
            // The server is away or the version was dropped: the next search tries again.
            lock (_lexemeGate)
            {
                if (_lexemeBuild?.Version == version) _lexemeBuild = null;
            }
        }
    }

    private PageTable Pages(PostgresRead read, ContentVersion version) => _pageTables.Get(version, () =>
    {
        var rows = new List<PageTableRow>();
        read.Each(PostgresSearchSql.PageTable, p => BindVersion(p, version),
            row => rows.Add(new(row.GetInt32(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetInt32(4),
                PlainName.Of(row.GetString(3), row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6)))));
        return new PageTable(rows, _categories);
    });

    /// <param name="lean">Hits only, for type-ahead: no facets, no snippets.</param>
    private SearchResults Run(PostgresRead read, ContentVersion version, QueryPlan plan, SearchFilters filters, bool lean)
    {
        var pages = Pages(read, version);
        // A section filter asks where words appear, which a code match does not answer.
        var codeHits = filters.Section is null && plan.CodeTerms.Count > 0 ? pages.LookupCodes(plan.CodeTerms, MaxCodeHits) : [];
        var query = plan.Units.Count > 0 ? TsQueryText.For(plan.Units) : null;
        if (codeHits.Count == 0 && query is null) return Empty(filters, plan);

        var codeIds = codeHits.Select(h => h.Id).ToHashSet();
        // The lexeme index answers a search without a section filter once it is built (see PostgresLexemeIndex).
        var lexemes = Shortcuts && query is not null && filters.Section is null ? Lexemes(version) : null;
        var inMemory = lexemes?.Match(read, version, plan.Units, lead: false);
        if (inMemory is not null) Interlocked.Increment(ref _lexemeAnswers);
        var textIds = (query is null ? []
            : inMemory is not null ? PostgresLexemeIndex.Ids(inMemory)
            : PostgresTextMatches.RowIds(read, version, query, filters.Section)).Where(id => !codeIds.Contains(id)).ToList();
        var found = new PageSet(pages, codeHits.Select(h => h.Id).Concat(textIds).ToList());
        var selected = found.Where(filters.System, filters.Category);

        // Order: pages found by code (exact first), then text matches by relevance, then code order.
        var scores = inMemory is not null
            ? PostgresTextMatches.ScoresOf(read, version, plan.Units, ToRank(read, version, lexemes!, plan, filters, textIds, selected),
                () => lexemes!.Match(read, version, plan.Units, lead: true) is { } leads ? PostgresLexemeIndex.Ids(leads) : null)
            : PostgresTextMatches.Scores(read, version, plan.Units, filters.Section, textIds.Count);
        var tier = codeHits.Select((h, i) => (h.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ordered = ResultOrder.Page(selected, id => new ResultOrder.Key(
            tier.TryGetValue(id, out var pos) ? pos : int.MaxValue,
            scores.TryGetValue(id, out var score) ? score : double.MaxValue,
            pages.Ordinals[id]), (filters.Page - 1) * filters.PageSize, filters.PageSize);

        var exactIds = codeHits.Where(h => h.Exact).Select(h => h.Id).ToHashSet();
        var snippets = lean
            ? ordered.ToDictionary(id => id, _ => (Html: "", Section: (string?)null))
            : PostgresHitSnippets.For(read, version, ordered, query, query is null || !Shortcuts ? null : TsQueryText.AnyWord(plan.Units), filters.Section);
        var hits = ordered.Select(id => new SearchHit(
            pages.Codes[id], pages.Systems[id], pages.Titles[id], pages.PlainNames[id], pages.CategoryOf(id),
            snippets[id].Html, snippets[id].Section,
            tier.ContainsKey(id) ? (exactIds.Contains(id) ? ExactCodeScore : CodePrefixScore)
                : scores.TryGetValue(id, out var s) ? -s : 0)).ToList();

        if (lean) return new SearchResults(filters.Text, selected.Count, filters.Page, filters.PageSize, hits, [], [], [], null, plan.ExpandedTerms);
        return new SearchResults(
            filters.Text, selected.Count, filters.Page, filters.PageSize, hits,
            found.Where(null, filters.Category).SystemCounts(), found.Where(filters.System, null).CategoryCounts(),
            SectionFacets(read, version, query, filters, selected),
            DidYouMean: null, plan.ExpandedTerms);
    }

    /// <summary>
    /// The matches worth ranking: for a single word (one lexeme, no synonyms, no prefix), every page with it in its
    /// descriptor or names outranks every page without (ts_rank with these weights: at least 0.8 / 1.645 = 0.486 for a
    /// weight A or B occurrence, below 0.3 + 0.3 / 1.645 = 0.483 with weights C and D only), so when those pages fill
    /// the results up to the page asked for, only they are ranked; the rest follow in code order as unranked
    /// matches do, and no page shown changes. Otherwise all of <paramref name="textIds"/>.
    /// </summary>
    private List<int> ToRank(PostgresRead read, ContentVersion version, PostgresLexemeIndex lexemes, QueryPlan plan,
        SearchFilters filters, List<int> textIds, PageSet selected)
    {
        if (textIds.Count > PostgresTextMatches.MaxScoredPages || plan.Units is not [{ Words.Count: 1, Synonyms.Count: 0, Prefix: false }]) return textIds;
        if (lexemes.Match(read, version, plan.Units, lead: true) is not { } leads) return textIds;
        if (selected.Count(id => PostgresLexemeIndex.Contains(leads, id)) < filters.Page * filters.PageSize) return textIds;
        Interlocked.Increment(ref _leadOnlyRanks);
        return textIds.Where(id => PostgresLexemeIndex.Contains(leads, id)).ToList();
    }

    /// <summary>
    /// How many pages match within each section, under the system and category filters (not the section one): one
    /// query on search_sections. Above <see cref="MaxSectionFacetPages"/> matches, as on SQLite, broad queries are
    /// not offered the section filter.
    /// </summary>
    private static List<FacetCount> SectionFacets(PostgresRead read, ContentVersion version, string? query, SearchFilters filters, PageSet selected)
    {
        if (query is null) return [];
        // Under a section filter, 'selected' holds that section's matches only; the facets need the whole query's.
        var matched = filters.Section is null
            ? selected
            : new PageSet(selected.Table, PostgresTextMatches.RowIds(read, version, query, section: null)).Where(filters.System, filters.Category);
        if (matched.Count == 0 || matched.Count > MaxSectionFacetPages) return [];
        var counts = PostgresTextMatches.SectionCounts(read, version, query, matched.ToList());
        var facets = Enum.GetValues<SectionKind>()
            .Where(kind => counts[(int)kind] > 0)
            .Select(kind => new FacetCount(kind.ToName(), SectionLabel(kind), counts[(int)kind]));
        // Stable sort: equal counts stay in kind order.
        return [.. facets.OrderByDescending(c => c.Count)];
    }

    /// <summary>The query with each unknown word replaced by the nearest word of the version, or null when nothing changes.</summary>
    private string? Correct(PostgresRead read, ContentVersion version, QueryPlan plan)
    {
        if (plan.Words.Count == 0) return null;
        var changed = false;
        var words = plan.Words.Select((word, i) =>
        {
            var keep = QueryPlan.IsCodeLike(word)
                || _synonyms.GroupOf(word).Count > 0
                || (i == plan.Words.Count - 1 && PostgresSpelling.HasPrefix(read, version, word));
            var correction = keep ? null : PostgresSpelling.Correct(read, version, word);
            changed |= correction is not null;
            return correction ?? word;
        }).ToList();
        return changed ? string.Join(' ', words) : null;
    }

    private static void BindVersion(NpgsqlParameterCollection parameters, ContentVersion version) =>
        parameters.Add(new() { Value = version.Id, NpgsqlDbType = NpgsqlDbType.Bigint });

    private static SearchResults Empty(SearchFilters filters, QueryPlan plan) =>
        new(filters.Text, 0, filters.Page, filters.PageSize, [], [], [], [], null, plan.ExpandedTerms);

    /// <summary>"patient_experience" → "Patient experience".</summary>
    private static string SectionLabel(SectionKind kind)
    {
        var name = kind.ToName().Replace('_', ' ');
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
