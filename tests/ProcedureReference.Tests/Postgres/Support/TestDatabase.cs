using Npgsql;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres.Support;

/// <summary>
/// A fresh, empty database of one test's or one class's own on the run's shared cluster (<see cref="PostgresServer.Shared"/>),
/// with a few helpers to look inside; dropped on dispose. The schema is made by the engine itself at first use
/// (PostgresSchema.EnsureCreated), as on a new install.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly PostgresDatabase _database;

    private TestDatabase(PostgresDatabase database) => _database = database;

    public static TestDatabase Create() => new(PostgresServer.Shared.CreateDatabase());

    /// <summary>
    /// Whether the tests of a class fixture can have a database: false only where PostgreSQL is missing and not
    /// required, where every [PostgresFact] of the class is skipped anyway.
    /// </summary>
    public static bool Available => PostgresServer.Required || PostgresServer.Missing() is null;

    public string ConnectionString => _database.ConnectionString;

    public List<T> Column<T>(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>Every row of <paramref name="sql"/> as text values (null for NULL).</summary>
    public List<string?[]> Rows(string sql)
    {
        using var connection = Open();
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
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose() => _database.Dispose();
}
