using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ProcedureReference.Postgres;

/// <summary>
/// Brings a database's schema up to date at first use: the EF migrations, applied under a session advisory lock so
/// that two instances starting together do not race (the second waits, then finds nothing left to apply).
/// </summary>
public static class PostgresSchema
{
    /// <summary>The advisory lock key text; hashed by the server, as the import lock's is.</summary>
    public const string MigrateLock = "procref:migrate";

    // Once per connection string per process; a failed attempt is forgotten so that the next use tries again
    // (the server may have been down).
    private static readonly ConcurrentDictionary<string, Lazy<bool>> Done = new(StringComparer.Ordinal);

    /// <summary>Applies the migrations this database lacks, once per process.</summary>
    /// <exception cref="Storage.StorageException">The server cannot be reached or refused the schema; the message says why.</exception>
    public static void EnsureCreated(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var once = Done.GetOrAdd(connectionString, c => new Lazy<bool>(() => Apply(c)));
        try
        {
            _ = once.Value;
        }
        catch
        {
            Done.TryRemove(new KeyValuePair<string, Lazy<bool>>(connectionString, once));
            throw;
        }
    }

    private static bool Apply(string connectionString)
    {
        try
        {
            using var gate = new NpgsqlConnection(connectionString);
            gate.Open();
            Run(gate, $"SELECT pg_advisory_lock(hashtext('{MigrateLock}'))");
            try
            {
                using var db = new PostgresDb(PostgresDb.OptionsFor(connectionString));
                db.Database.Migrate();
            }
            finally
            {
                Run(gate, $"SELECT pg_advisory_unlock(hashtext('{MigrateLock}'))");
            }
            return true;
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            throw PostgresFailure.Wrap("could not prepare the database schema", e);
        }
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
