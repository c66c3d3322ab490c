using Npgsql;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>The throwaway cluster the PostgreSQL tests run on: it starts, gives each class a database, and survives a restart.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public void A_database_of_its_own_answers_and_is_gone_after()
    {
        string name;
        using (var database = PostgresServer.Shared.CreateDatabase())
        {
            name = database.Name;
            Assert.Equal(1, Scalar<int>(database.ConnectionString, "SELECT 1"));
            Assert.Equal(name, Scalar<string>(database.ConnectionString, "SELECT current_database()"));
        }
        Assert.Equal(0L, Scalar<long>(PostgresServer.Shared.ConnectionString(), $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
    }

    [PostgresFact]
    public void The_extensions_the_store_needs_are_installed()
    {
        using var database = PostgresServer.Shared.CreateDatabase();
        foreach (var extension in new[] { "unaccent", "pg_trgm" })
            Assert.Equal(1L, Scalar<long>(database.ConnectionString, $"SELECT count(*) FROM pg_available_extensions WHERE name = '{extension}'"));
    }

    [PostgresFact]
    public void A_server_of_its_own_keeps_its_data_across_a_crash_and_a_start()
    {
        using var server = PostgresServer.Start();
        server.Execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");

        server.StopServer();
        Assert.Throws<NpgsqlException>(() => Scalar<int>(server.ConnectionString() + ";Pooling=false", "SELECT 1"));
        server.StartServer();

        Assert.Equal(42, Scalar<int>(server.ConnectionString() + ";Pooling=false", "SELECT n FROM kept"));
    }

    private static T Scalar<T>(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }
}
