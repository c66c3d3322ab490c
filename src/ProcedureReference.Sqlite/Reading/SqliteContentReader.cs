using Microsoft.Data.Sqlite;
using ProcedureReference.Reading;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The engine-neutral <see cref="ReferenceDbReader"/> on the request's own connection: each read may be
/// interrupted (the request's cancel, the command timeout), and SQLite's failures become the storage exceptions.
/// </summary>
public sealed class SqliteContentReader(RequestConnection connection, ReferenceDbReader reader, SqliteOptions options) : IContentReader
{
    public Task<CodePage?> FindAsync(string code, CancellationToken cancellationToken) =>
        ReadAsync(() => reader.FindAsync(code, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CatalogRow>> CatalogAsync(string? system, CancellationToken cancellationToken) =>
        ReadAsync(() => reader.CatalogAsync(system, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> CodesAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => reader.CodesAsync(cancellationToken), cancellationToken);

    public Task<int> PageCountAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => reader.PageCountAsync(cancellationToken), cancellationToken);

    public Task<Glossary> GlossaryAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => reader.GlossaryAsync(cancellationToken), cancellationToken);

    private async Task<T> ReadAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        // Opened before EF sees it, so EF leaves it open between queries: all of them read one file.
        var open = connection.Open();
        using var guard = StatementGuard.Start(open, options.CommandTimeout, cancellationToken);
        try
        {
            return await read();
        }
        catch (SqliteException e) when (guard.Translate(e) is { } failure)
        {
            throw failure;
        }
    }
}
