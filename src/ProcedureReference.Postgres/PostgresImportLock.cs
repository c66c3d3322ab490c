using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// One import at a time across every instance: a session advisory lock, held on a connection of its own for the
/// import's duration. The server releases it when that connection ends, so an import that dies holds nothing.
/// </summary>
public sealed class PostgresImportLock(string connectionString) : IImportLock
{
    public const string LockKey = "procref:import";

    public IDisposable? TryAcquire()
    {
        NpgsqlConnection? connection = null;
        try
        {
            // Not pooled: the lock lives exactly as long as this connection, and closing it releases the lock.
            connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock(hashtext('{LockKey}'))", connection);
            if ((bool)command.ExecuteScalar()!) return new Held(connection);
            connection.Dispose();
            return null;
        }
        catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
        {
            connection?.Dispose();
            throw PostgresFailure.Wrap("cannot take the import lock", e);
        }
    }

    /// <summary>
    /// Unlocks before closing: closing alone lets the server release the lock only when the backend has exited, a
    /// moment later, and an import started straight after this one would find it still held.
    /// </summary>
    private sealed class Held(NpgsqlConnection connection) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock(hashtext('{LockKey}'))", connection);
                command.ExecuteNonQuery();
            }
            catch (Exception e) when (PostgresFailure.IsPostgresFailure(e))
            {
                // The connection is gone, and the lock with it.
            }
            connection.Dispose();
        }
    }
}
