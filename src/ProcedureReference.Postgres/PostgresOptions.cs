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

    /// <summary>
    /// The connection string with <see cref="CommandTimeout"/> as every statement's default limit, and as the limit of
    /// opening a connection too where the string leaves Npgsql's 15 s: while the server restarts, an open that waits on
    /// it held a reader for 12 s, past the request's own timeout.
    /// </summary>
    internal string BoundedConnectionString
    {
        get
        {
            var seconds = (int)Math.Ceiling(CommandTimeout.TotalSeconds);
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { CommandTimeout = seconds };
            if (builder.Timeout == DefaultConnectSeconds && seconds is > 0 and < DefaultConnectSeconds) builder.Timeout = seconds;
            return builder.ConnectionString;
        }
    }

    private const int DefaultConnectSeconds = 15;

    /// <summary>The pool of connections the engine's services share, statements bounded by <see cref="CommandTimeout"/>.</summary>
    internal Npgsql.NpgsqlDataSource CreateDataSource() => Npgsql.NpgsqlDataSource.Create(BoundedConnectionString);
}
