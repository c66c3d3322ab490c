namespace ProcedureReference.Postgres;

/// <summary>The shared store's settings; the host fills it from its own (ConnectionStrings:Postgres and the admin settings).</summary>
public sealed class PostgresOptions
{
    /// <summary>An Npgsql connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Published versions kept for rollback; older ones are deleted in the background.</summary>
    public int KeepVersions { get; init; } = 5;

    /// <summary>How long a statement may run before it is cancelled (SQLSTATE 57014).</summary>
    public TimeSpan CommandTimeout { get; init; } = DefaultCommandTimeout;

    /// <summary>How often an instance looks at the live version in case a notification was lost.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultCommandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The connection string with <see cref="CommandTimeout"/> as every statement's default limit.</summary>
    internal string BoundedConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)
    {
        CommandTimeout = (int)Math.Ceiling(CommandTimeout.TotalSeconds),
    }.ConnectionString;

    /// <summary>The pool of connections the engine's services share, statements bounded by <see cref="CommandTimeout"/>.</summary>
    internal Npgsql.NpgsqlDataSource CreateDataSource() => Npgsql.NpgsqlDataSource.Create(BoundedConnectionString);
}
