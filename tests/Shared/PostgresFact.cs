namespace ProcedureReference.Testing;

/// <summary>
/// A test that needs a PostgreSQL server: skipped with what is missing where the server binaries are not installed,
/// except under PROCREF_REQUIRE_POSTGRES=1 (CI), where it runs and fails on what is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.Required && PostgresServer.Missing() is { } missing) Skip = "missing: " + missing;
    }
}

/// <summary>As <see cref="PostgresFactAttribute"/>, for a theory.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!PostgresServer.Required && PostgresServer.Missing() is { } missing) Skip = "missing: " + missing;
    }
}

/// <summary>
/// A database of its own for a test class (IClassFixture) on the run's shared cluster, made at first use, so that a
/// class whose tests are skipped starts no server.
/// </summary>
public sealed class PostgresDatabaseFixture : IDisposable
{
    private readonly Lazy<PostgresDatabase> _database = new(() => PostgresServer.Shared.CreateDatabase());

    public string ConnectionString => _database.Value.ConnectionString;

    public void Dispose()
    {
        if (_database.IsValueCreated) _database.Value.Dispose();
    }
}
