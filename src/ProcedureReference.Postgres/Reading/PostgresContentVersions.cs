using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProcedureReference.Reading;

namespace ProcedureReference.Postgres;

/// <summary>
/// The content version of the shared store: the live row's version_id. A publish or rollback on any instance
/// updates live_content and sends NOTIFY procref_content in one transaction; <see cref="ListenAsync"/> (run by
/// <see cref="PostgresVersionListener"/>) LISTENs on a dedicated connection, re-reads the live version whenever it
/// (re)connects, and also every <see cref="PostgresOptions.PollInterval"/> in case a notification was lost, and
/// reconnects with back-off while the server is away. <see cref="Live"/> only reads a field, so readers never wait
/// for the listener; <see cref="Changed"/> is raised on the listener's thread before the new version is visible.
/// </summary>
public sealed partial class PostgresContentVersions : IContentVersions
{
    public const string Channel = "procref_content";

    /// <summary>The listener connection's application_name, to tell it apart in pg_stat_activity.</summary>
    public const string ListenerName = "procref-content-listener";

    private const string LiveVersion = "SELECT version_id FROM live_content";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    private readonly NpgsqlDataSource _source;
    private readonly PostgresOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private long _id = -1; // not read yet
    private int _listening;
    private long _nextLook;

    public PostgresContentVersions(NpgsqlDataSource source, PostgresOptions options, ILogger<PostgresContentVersions>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        _source = source;
        _options = options;
        _logger = logger ?? NullLogger<PostgresContentVersions>.Instance;
    }

    public event Action<ContentVersion>? Changed;

    /// <summary>Raised each time the listener has (re)connected, LISTENs and has read the live version.</summary>
    public event Action? Listening;

    /// <summary>
    /// The live version: read once at first use; after that the listener keeps it. Where no listener runs (a
    /// command-line verb), it is read again at most once per poll interval.
    /// </summary>
    public ContentVersion Live
    {
        get
        {
            var id = Interlocked.Read(ref _id);
            if (id < 0) Refresh();
            else if (Volatile.Read(ref _listening) == 0 && Environment.TickCount64 >= Interlocked.Read(ref _nextLook)) TryRefresh();
            return new ContentVersion(Interlocked.Read(ref _id));
        }
    }

    /// <summary>Reads the live version now; a server that is away throws the storage exceptions.</summary>
    public void Refresh()
    {
        try
        {
            // A site may start on an empty database: the schema is made here if no store has made it yet.
            PostgresSchema.EnsureCreated(_options.ConnectionString);
            using var connection = _source.OpenConnection();
            using var command = new NpgsqlCommand(LiveVersion, connection);
            Apply(command.ExecuteScalar());
        }
        catch (Exception e) when (PostgresFailure.Translate(e) is { } failure)
        {
            throw failure;
        }
    }

    private void TryRefresh()
    {
        try
        {
            Refresh();
        }
        catch (Storage.StorageException)
        {
            // Keep serving the version known; the next look tries again.
            Interlocked.Exchange(ref _nextLook, Environment.TickCount64 + (long)_options.PollInterval.TotalMilliseconds);
        }
    }

    /// <summary>
    /// Listens until <paramref name="stoppingToken"/> is cancelled: connects, LISTENs, reads the live version, then
    /// waits for a notification or the poll interval and reads it again; a lost connection is retried with back-off
    /// (doubling up to the poll interval), and the version is read again as soon as it is back.
    /// </summary>
    public async Task ListenAsync(CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _listening);
        try
        {
            var retry = FirstRetry;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && PostgresFailure.Translate(e) is not null)
                {
                    // The server is away: try again later, longer each time.
                    LogLost(e, retry.TotalMilliseconds);
                    await Task.Delay(retry, stoppingToken).ConfigureAwait(false);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, Math.Max(FirstRetry.Ticks, _options.PollInterval.Ticks)));
                    continue;
                }
                retry = FirstRetry;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            Interlocked.Decrement(ref _listening);
        }
    }

    /// <summary>One connection's life: returns only when cancelled, throws when the connection is lost.</summary>
    private async Task ListenOnceAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up thread: the first call may apply the migrations (or wait for a server that is away).
        await Task.Run(() => PostgresSchema.EnsureCreated(_options.ConnectionString), stoppingToken).ConfigureAwait(false);
        // Not pooled: this connection LISTENs for as long as it lives, and is never handed to a reader.
        var builder = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Pooling = false, KeepAlive = 10, ApplicationName = ListenerName };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        // After LISTEN: a publish from now on is either read here or notified. A notification may also arrive
        // while the read runs (and be handled there): then read again at once rather than wait.
        var notified = false;
        connection.Notification += (_, _) => notified = true;
        await using var read = new NpgsqlCommand(LiveVersion, connection);
        for (var first = true; ; first = false)
        {
            notified = false;
            Apply(await read.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false));
            if (first)
            {
                var live = Interlocked.Read(ref _id);
                LogListening(live);
                Listening?.Invoke();
            }
            // Returns on a notification or when the poll interval passed: either way, read the live version.
            if (!notified) await connection.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the live version read; a new one raises <see cref="Changed"/> first, then becomes visible.</summary>
    private void Apply(object? value)
    {
        var id = value is long version ? version : 0; // no live row yet: nothing published
        Interlocked.Exchange(ref _nextLook, Environment.TickCount64 + (long)_options.PollInterval.TotalMilliseconds);
        if (Interlocked.Read(ref _id) == id) return;
        lock (_gate)
        {
            var previous = Interlocked.Read(ref _id);
            if (previous == id) return;
            // Before the version is visible: whoever sees it finds the caches of the old content gone. The first
            // read is no change: there was nothing before it to forget.
            if (previous >= 0) Changed?.Invoke(new ContentVersion(id));
            Interlocked.Exchange(ref _id, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content-version listener lost its connection; trying again in {RetryMs} ms")]
    private partial void LogLost(Exception exception, double retryMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content-version listener listening; live version {VersionId}")]
    private partial void LogListening(long versionId);
}
