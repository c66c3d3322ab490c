namespace ProcedureReference.Reading;

/// <summary>
/// Reads the live content for one request (scoped): every call of one instance reads the same version, from the
/// first call to the last, so a page never mixes two publishes. Failures surface as the storage exceptions
/// (<see cref="Storage.StorageException"/>); a cancelled token throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IContentReader
{
    /// <summary>A code's page by its canonical code, or null when the reference does not hold it.</summary>
    Task<CodePage?> FindAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every page's system, code and title in code order; only <paramref name="system"/>'s when given.</summary>
    Task<IReadOnlyList<CatalogRow>> CatalogAsync(string? system, CancellationToken cancellationToken);

    /// <summary>Every code, in code order (the sitemap).</summary>
    Task<IReadOnlyList<string>> CodesAsync(CancellationToken cancellationToken);

    /// <summary>How many pages the live content holds.</summary>
    Task<int> PageCountAsync(CancellationToken cancellationToken);

    /// <summary>The glossary imported with the live content (empty for a version imported without one).</summary>
    Task<Glossary> GlossaryAsync(CancellationToken cancellationToken);
}

/// <summary>A page as a catalog lists it.</summary>
/// <summary>One code in the catalog: its descriptor and the plain name a listing shows with the code.</summary>
public sealed record CatalogRow(string System, string Code, string Title, string PlainName);
