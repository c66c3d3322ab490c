using Microsoft.Data.Sqlite;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Search over the SQLite reference: code lookup, FTS5 full text weighted by field, synonyms, facets, HTML-safe
/// snippets linked to their section, did-you-mean and type-ahead. Each call opens its own read-only connection
/// (pooled), so one instance serves any number of threads. The query never reaches SQL or MATCH as typed: see
/// <see cref="QueryTokens"/> and <see cref="MatchExpression"/>. The in-memory tables are built once per content
/// version (<see cref="IContentVersions"/>); failures surface as the storage exceptions.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    /// <summary>The score of a page whose code is the query: above any text match.</summary>
    public const double ExactCodeScore = 1_000_000;

    /// <summary>The score of a page whose code starts with the query.</summary>
    public const double CodePrefixScore = 100_000;

    public const int MaxSuggestions = 50;

    /// <summary>Pages found by code per query at most ('784' finds at most a hundred CPT codes anyway).</summary>
    private const int MaxCodeHits = 200;

    /// <summary>Above this many text matches a search does not count matches per section (see <see cref="SectionFacets"/>).</summary>
    public const int MaxSectionFacetPages = 1_000;

    private static readonly TimeSpan VocabularyWait = TimeSpan.FromSeconds(1);

    private readonly VersionCache<PageTable> _pageTables = new();
    private readonly VersionCache<SuggestIndex> _suggestIndexes = new();
    private readonly VersionCache<Vocabulary> _vocabularies = new();
    private readonly VersionCache<UnitMatches> _unitMatches = new();
    private readonly Lock _vocabularyGate = new();
    private (ContentVersion Version, Task Build)? _vocabularyBuild;

    private readonly SqliteOptions _options;
    private readonly IContentVersions _versions;
    private readonly Synonyms _synonyms;
    private readonly CodeCategories _categories;

    /// <param name="options">The live database (opened read-only) and how long a statement may wait for a lock and run.</param>
    /// <param name="versions">The live content's version, which the in-memory tables follow.</param>
    /// <param name="synonyms">Synonym groups (content/synonyms.csv); none when null.</param>
    /// <param name="categories">Code ranges (content/cpt-ranges.csv); no categories when null.</param>
    public SqliteSearchIndex(SqliteOptions options, IContentVersions versions, Synonyms? synonyms = null, CodeCategories? categories = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(versions);
        _options = options;
        _versions = versions;
        _synonyms = synonyms ?? Synonyms.Empty;
        _categories = categories ?? CodeCategories.Empty;
    }

    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default) => Search(query, lean: false, cancellationToken);

    private SearchResults Search(SearchQuery query, bool lean, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = SearchFilters.From(query);
        var plan = QueryPlan.Create(query.Text, _synonyms);
        if (plan.IsEmpty) return Empty(filters, plan);

        var version = _versions.Live;
        return Interruptible(connection =>
        {
            var results = Run(connection, version, plan, filters, lean, cancellationToken);
            if (results.Total > 0) return results;

            // An unfinished last word ('thromb'): now as a prefix, searched as its most frequent completions when the
            // spelling vocabulary is ready (see Vocabulary.Completions).
            var prefixPlan = QueryPlan.Create(query.Text, _synonyms, longPrefix: true);
            if (prefixPlan.HasLongPrefix)
            {
                var prefixed = Run(connection, version, prefixPlan, filters, lean, cancellationToken, Completed(version, prefixPlan.Units));
                if (prefixed.Total > 0) return prefixed;
            }

            // Nothing found: try the query with its misspelt words corrected, and show those hits if there are any.
            var corrected = Correct(version, plan);
            if (corrected is null) return results;
            var retry = Run(connection, version, QueryPlan.Create(corrected, _synonyms), filters, lean, cancellationToken);
            return retry.Total > 0 ? retry with { Query = filters.Text, DidYouMean = corrected } : results;
        }, cancellationToken);
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit = 8, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(prefix) || limit <= 0) return [];
        cancellationToken.ThrowIfCancellationRequested();
        var version = _versions.Live;
        var index = _suggestIndexes.Get(version, () => Interruptible(connection => SuggestIndex.Build(ContentRows.Suggest(connection), _synonyms), cancellationToken));
        // Lay words ('blood clot') included: the index answers every prefix in memory, never with a search.
        return index.Suggest(prefix, Math.Min(limit, MaxSuggestions));
    }


    /// <summary>
    /// Runs <paramref name="read"/> on a connection of its own that a cancelled token or the command timeout
    /// interrupts mid-statement (see <see cref="StatementGuard"/>); SQLite's failures become the storage exceptions.
    /// </summary>
    private T Interruptible<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        // Declared after the connection, so disposed before it goes back to the pool.
        using var guard = StatementGuard.Start(connection, _options.CommandTimeout, cancellationToken);
        try
        {
            return read(connection);
        }
        catch (SqliteException e) when (guard.Translate(e) is { } failure)
        {
            throw failure;
        }
    }

    private SqliteConnection Open()
    {
        var connection = ReadOnlyConnection.Create(_options);
        try
        {
            ReadOnlyConnection.Open(connection, _options);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The page table of <paramref name="version"/>; building one also starts the version's spelling vocabulary in the background.</summary>
    private PageTable Pages(SqliteConnection connection, ContentVersion version) => _pageTables.Get(version, () =>
    {
        var table = new PageTable(ContentRows.PageTable(connection), _categories);
        PrepareVocabulary(version);
        return table;
    });

    /// <summary>Completions of a long last prefix searched at most (the most frequent: see <see cref="Vocabulary.Completions"/>).</summary>
    public const int MaxPrefixCompletions = 16;

    /// <summary>
    /// The units with a long last prefix ('trea') replaced by an OR group of the word as typed and its most frequent
    /// completions ('treatment', 'treated', ...), as whole words (FTS5 stems them, so 'treated' finds 'treating' too).
    /// Unchanged (FTS5's own prefix query) while the vocabulary is not built, or when no word of it starts so (a
    /// word with digits is not in the vocabulary).
    /// </summary>
    private IReadOnlyList<QueryUnit> Completed(ContentVersion version, IReadOnlyList<QueryUnit> units)
    {
        if (units.Count == 0 || units[^1] is not { Prefix: true } last || last.Words[0].Length <= QueryPlan.IndexedPrefixLength
            || !_vocabularies.TryGet(version, out var vocabulary))
            return units;
        var (words, _) = vocabulary.Completions(last.Words[0], MaxPrefixCompletions);
        words.Remove(last.Words[0]);
        if (words.Count == 0) return units;
        return [.. units.Take(units.Count - 1), new QueryUnit(last.Words, [.. words.Select(w => (IReadOnlyList<string>)[w])], Prefix: false)];
    }

    /// <param name="lean">Hits only, for type-ahead: no facets, no snippets.</param>
    /// <param name="units">The text units to search, when not the plan's (a long last prefix as its completions).</param>
    private SearchResults Run(SqliteConnection connection, ContentVersion version, QueryPlan plan, SearchFilters filters, bool lean, CancellationToken cancellationToken,
        IReadOnlyList<QueryUnit>? units = null)
    {
        units ??= plan.Units;
        // sqlite3_interrupt stops a running statement; between statements the token is checked here.
        cancellationToken.ThrowIfCancellationRequested();
        var pages = Pages(connection, version);
        // A section filter asks where words appear, which a code match does not answer.
        var codeHits = filters.Section is null && plan.CodeTerms.Count > 0 ? pages.LookupCodes(plan.CodeTerms, MaxCodeHits) : [];
        var match = units.Count > 0 ? MatchExpression.For(units) : null;
        var filteredMatch = match is not null && filters.Section is { } section ? MatchExpression.For(units, section) : match;
        if (codeHits.Count == 0 && filteredMatch is null) return Empty(filters, plan);

        var codeIds = codeHits.Select(h => h.Id).ToHashSet();
        var unitMatches = _unitMatches.Get(version, () => new UnitMatches(pages.Codes.Length));
        // Without a section filter, unit by unit (the broad ones kept per version); a section's column filter, as one statement.
        var textIds = filteredMatch is null ? []
            : (filters.Section is null ? unitMatches.Matches(connection, units) : TextMatches.RowIds(connection, filteredMatch))
                .Where(id => !codeIds.Contains(id)).ToList();
        var found = new PageSet(pages, codeHits.Select(h => h.Id).Concat(textIds).ToList());
        var selected = found.Where(filters.System, filters.Category);

        // Order: pages found by code (exact first), then text matches by relevance, then code order.
        var scores = TextMatches.Scores(connection, filteredMatch, units, textIds.Count, () => unitMatches.DescriptorMatches(connection, units).Count);
        var tier = codeHits.Select((h, i) => (h.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ordered = ResultOrder.Page(selected, id => new ResultOrder.Key(
            tier.TryGetValue(id, out var pos) ? pos : int.MaxValue,
            scores.TryGetValue(id, out var score) ? score : double.MaxValue,
            pages.Ordinals[id]), (filters.Page - 1) * filters.PageSize, filters.PageSize);

        var exactIds = codeHits.Where(h => h.Exact).Select(h => h.Id).ToHashSet();
        var snippets = lean ? ordered.ToDictionary(id => id, _ => (Html: "", Section: (string?)null)) : HitSnippets.For(connection, ordered, match, filters.Section);
        var hits = ordered.Select(id => new SearchHit(
            pages.Codes[id], pages.Systems[id], pages.Titles[id], pages.PlainNames[id], pages.CategoryOf(id),
            snippets[id].Html, snippets[id].Section,
            tier.ContainsKey(id) ? (exactIds.Contains(id) ? ExactCodeScore : CodePrefixScore)
                : scores.TryGetValue(id, out var s) ? -s : 0)).ToList();

        if (lean) return new SearchResults(filters.Text, selected.Count, filters.Page, filters.PageSize, hits, [], [], [], null, plan.ExpandedTerms);
        return new SearchResults(
            filters.Text, selected.Count, filters.Page, filters.PageSize, hits,
            found.Where(null, filters.Category).SystemCounts(), found.Where(filters.System, null).CategoryCounts(),
            SectionFacets(connection, units, match, filters, selected, cancellationToken),
            DidYouMean: null, plan.ExpandedTerms);
    }

    /// <summary>
    /// How many pages match within each section, under the system and category filters (not the section one).
    /// One count per section kind: above <see cref="MaxSectionFacetPages"/> text matches that costs more than the
    /// search itself, so broad queries are not offered the section filter.
    /// </summary>
    /// <param name="selected">The search's pages under all its filters.</param>
    private static List<FacetCount> SectionFacets(SqliteConnection connection, IReadOnlyList<QueryUnit> units, string? match, SearchFilters filters, PageSet selected,
        CancellationToken cancellationToken)
    {
        if (match is null) return [];
        // Under a section filter, 'selected' holds that section's matches only; the facets need the whole query's.
        var matched = filters.Section is null
            ? selected
            : new PageSet(selected.Table, TextMatches.RowIds(connection, match)).Where(filters.System, filters.Category);
        if (matched.Count == 0 || matched.Count > MaxSectionFacetPages) return [];
        var inSet = matched.ToHashSet();
        var counts = new List<FacetCount>();
        foreach (var kind in Enum.GetValues<SectionKind>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = TextMatches.RowIds(connection, MatchExpression.For(units, kind)).Count(inSet.Contains);
            if (count > 0) counts.Add(new FacetCount(kind.ToName(), SectionLabel(kind), count));
        }
        // Stable sort: equal counts stay in page order.
        return [.. counts.OrderByDescending(c => c.Count)];
    }

    /// <summary>
    /// Builds the spelling vocabulary of <paramref name="version"/> in the background, once (see <see cref="Correct"/>).
    /// It reads every page's text (seconds at 100,000 pages), so never under a request's timeout.
    /// </summary>
    private Task PrepareVocabulary(ContentVersion version)
    {
        lock (_vocabularyGate)
        {
            if (_vocabularies.TryGet(version, out _)) return Task.CompletedTask;
            if (_vocabularyBuild is { } running && running.Version == version) return running.Build;
            var build = Task.Run(() => BuildVocabulary(version));
            _vocabularyBuild = (version, build);
            return build;
        }
    }

    /// <summary>The live version's spelling vocabulary, built (for tests: the last-prefix completions and did-you-mean use it once ready).</summary>
    internal Task VocabularyReady() => PrepareVocabulary(_versions.Live);

    private void BuildVocabulary(ContentVersion version)
    {
        try
        {
            _vocabularies.Get(version, () =>
            {
                using var connection = Open();
                return Vocabulary.Build(ContentRows.SearchTexts(connection));
            });
        }
        catch (Exception e) when (e is SqliteException or StorageException)
        {
            // The file was replaced or is unreadable: the next search that needs it tries again.
        }
    }

    /// <summary>The query with each unknown word replaced by the nearest word of the reference, or null when nothing changes.</summary>
    private string? Correct(ContentVersion version, QueryPlan plan)
    {
        if (plan.Words.Count == 0) return null;
        // A request waits for the background build a second at most. Until it is ready, no did-you-mean.
        if (!_vocabularies.TryGet(version, out var vocabulary)
            && !(PrepareVocabulary(version).Wait(VocabularyWait) && _vocabularies.TryGet(version, out vocabulary)))
            return null;
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

}
