using Npgsql;

namespace ProcedureReference.Tests.Postgres;

/// <summary>
/// A PostgreSQL server for the tests of the shared store, named by PROCREF_TEST_POSTGRES (an Npgsql connection
/// string whose user may create databases). Each test gets a database of its own, dropped when it ends. Without the
/// variable the tests are reported as skipped (see <see cref="PostgresFactAttribute"/>).
/// </summary>
/// <remarks>Stands in until the shared fixture (tests/Shared/PostgresServer.cs) starts a throwaway cluster itself.</remarks>
public static class PostgresTestServer
{
    public const string Variable = "PROCREF_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A fresh, empty database on the server.</summary>
    public static TestDatabase CreateDatabase()
    {
        var server = ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set");
        var name = "procref_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return new TestDatabase(server, name);
    }
}

/// <summary>One test's database: its connection string, a few helpers to look inside, and dropped on dispose.</summary>
public sealed class TestDatabase(string server, string name) : IDisposable
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    public List<T> Column<T>(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>Every row of <paramref name="sql"/> as text values (null for NULL).</summary>
    public List<string?[]> Rows(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray());
        return rows;
    }

    public T Scalar<T>(string sql) => Column<T>(sql).Single();

    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason, when <see cref="PostgresTestServer.Variable"/> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.ConnectionString is null)
            Skip = $"no PostgreSQL server: set {PostgresTestServer.Variable} to a connection string whose user may create databases";
    }
}
