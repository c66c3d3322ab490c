namespace ProcedureReference.Sqlite;

/// <summary>Where the embedded engine keeps its files and how long a statement may wait; the host fills it from its own settings.</summary>
public sealed class SqliteOptions
{
    /// <summary>The live content database (data/procedures.db); staged imports and kept versions sit beside it.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Admin accounts and the audit log (data/admin.db).</summary>
    public required string AdminDatabasePath { get; init; }

    /// <summary>Published versions kept for rollback.</summary>
    public int KeepVersions { get; init; } = 5;

    /// <summary>How long a statement waits for a lock, and at most runs, before it fails.</summary>
    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(30);
}
