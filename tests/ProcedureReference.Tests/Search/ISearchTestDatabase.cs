using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Tests.Search;

/// <summary>
/// What the shared search suites need of a test database, whichever engine holds it: the seed pages imported from a
/// temp copy of content/, published, and a search index over them with the repository's synonyms and code ranges.
/// </summary>
public interface ISearchTestDatabase : IDisposable
{
    /// <summary>The copied content folder the pages were imported from.</summary>
    string Content { get; }

    ISearchIndex Index { get; }

    /// <summary>The index's version signal: <see cref="IContentVersions.Refresh"/> after <see cref="Publish"/>, as the site does after a publish.</summary>
    IContentVersions Versions { get; }

    /// <summary>Imports <see cref="Content"/> as it is now and publishes it.</summary>
    void Publish();

    SearchResults Search(string text, string? system = null, string? category = null, string? section = null, int page = 1, int pageSize = 20);

    /// <summary>The codes of the hits, in order.</summary>
    List<string> Codes(string text, string? system = null, string? category = null, string? section = null);
}

/// <summary>A test database that a shared suite can also make fresh, with the content changed first.</summary>
public interface ISearchTestDatabase<TSelf> : ISearchTestDatabase
    where TSelf : ISearchTestDatabase<TSelf>
{
    /// <summary>The seed pages after <paramref name="changeContent"/> has changed the copied content folder.</summary>
    static abstract TSelf WithContent(Action<string> changeContent);
}
