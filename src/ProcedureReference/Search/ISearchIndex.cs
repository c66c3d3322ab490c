namespace ProcedureReference.Search;

/// <summary>
/// Full-text search over the reference. Behind an interface so that a PostgreSQL provider can stand in for
/// SQLite later; callers see only these records. Every input is untrusted: hostile text gives empty results,
/// never an exception. A cancelled <c>cancellationToken</c> (a request that timed out or was abandoned) stops the
/// query where it is and throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface ISearchIndex
{
    SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Type-ahead: codes starting with <paramref name="prefix"/>, then pages whose title or names have a word starting with it.</summary>
    IReadOnlyList<Suggestion> Suggest(string prefix, int limit = 8, CancellationToken cancellationToken = default);
}

/// <summary>
/// What the user asked. <paramref name="System"/>: exact code system ("CPT"). <paramref name="Category"/>: a
/// top-level code-range section name ("Radiology", see <see cref="CodeCategories"/>). <paramref name="Section"/>:
/// a section kind name ("risks"); an unknown one is ignored. <paramref name="Page"/> counts from 1. Only the first
/// <see cref="MaxTextChars"/> characters of <paramref name="Text"/> are read.
/// </summary>
public sealed record SearchQuery(
    string Text,
    string? System = null,
    string? Category = null,
    string? Section = null,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>How much of a query is read: a search box needs no more, and it bounds the work.</summary>
    public const int MaxTextChars = 200;
}

/// <summary>
/// One page of hits. <paramref name="Total"/> counts every hit under the filters. Each facet counts the whole
/// match under the other filters but not its own, so a chosen value can be switched for another.
/// <paramref name="DidYouMean"/> is set when the query as typed found nothing and a spelling correction did; the
/// hits are then the corrected query's. <paramref name="ExpandedTerms"/> are the synonyms searched as well.
/// </summary>
public sealed record SearchResults(
    string Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetCount> Systems,
    IReadOnlyList<FacetCount> Categories,
    IReadOnlyList<FacetCount> Sections,
    string? DidYouMean,
    IReadOnlyList<string> ExpandedTerms);

/// <summary>
/// A matching page. <paramref name="SnippetHtml"/> is safe to write into a page as is: page text is encoded and
/// the matched words are wrapped in &lt;mark&gt;. <paramref name="SnippetSection"/> is the section kind name the
/// snippet comes from (the anchor of /codes/{code}#{section}), or null when the match is in the title or names.
/// <paramref name="Score"/>: higher is better; code matches come first. <paramref name="PlainName"/> is what a
/// listing shows with the code (<see cref="Reading.PlainName"/>); <paramref name="Title"/> is the descriptor.
/// </summary>
public sealed record SearchHit(
    string Code,
    string System,
    string Title,
    string PlainName,
    string? Category,
    string SnippetHtml,
    string? SnippetSection,
    double Score);

/// <summary>A facet value (what a filter takes), its label for people, and how many hits have it.</summary>
public sealed record FacetCount(string Value, string Label, int Count);

/// <summary>
/// A type-ahead entry; <paramref name="Name"/> is the name that matched, else the page's name;
/// <paramref name="PlainName"/> is the page's plain name (<see cref="Reading.PlainName"/>).
/// </summary>
public sealed record Suggestion(string Code, string Title, string? Name, string PlainName);
