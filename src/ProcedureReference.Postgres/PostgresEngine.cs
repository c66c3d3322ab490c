using Npgsql;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>PostgreSQL's answers to <see cref="IStorageEngine"/>.</summary>
public sealed class PostgresEngine : IStorageEngine
{
    public bool IsCancelledStatement(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    /// <summary>The caches are the server's; the client's pooled connections hold little.</summary>
    public void ReleaseIdleMemory()
    {
    }
}
