using Npgsql;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Postgres.Support;

/// <summary>
/// The PostgreSQL server the tests use, from PROCREF_TEST_POSTGRES (an Npgsql connection string to a database
/// the tests may create databases from), and a fresh database with the schema per test class.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "PROCREF_TEST_POSTGRES";

    public const string Missing = $"no PostgreSQL server: set {Variable} to an Npgsql connection string";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static string SchemaFile => Path.Combine(SeedContent.RepositoryRoot, "tests", "ProcedureReference.Tests", "Postgres", "Support", "test-schema.sql");

    /// <summary>Creates a database with the schema and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "procref_test_" + Guid.NewGuid().ToString("N");
        Execute(ConnectionString!, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        try
        {
            Execute(connectionString, File.ReadAllText(SchemaFile));
        }
        catch
        {
            DropDatabase(connectionString);
            throw;
        }
        return connectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute(ConnectionString!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
