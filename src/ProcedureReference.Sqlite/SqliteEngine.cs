using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>SQLite's answers to <see cref="IStorageEngine"/>.</summary>
public sealed class SqliteEngine : IStorageEngine
{
    public bool IsCancelledStatement(Exception exception) => exception is SqliteException sqlite && SqliteInterrupt.IsInterrupt(sqlite);

    /// <summary>Each pooled connection holds its own page cache; the next reader opens one in well under a millisecond.</summary>
    public void ReleaseIdleMemory() => SqliteConnection.ClearAllPools();
}
