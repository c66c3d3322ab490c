namespace ProcedureReference.Tests.Postgres.Support;

/// <summary>
/// A test against a real PostgreSQL server: skipped, with the reason, when PROCREF_TEST_POSTGRES names none.
/// Stands in until the shared fixture (tests/Shared/PostgresServer.cs) starts its own cluster.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.ConnectionString is null) Skip = PostgresTestServer.Missing;
    }
}

/// <summary>A theory against a real PostgreSQL server; skipped as <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresTestServer.ConnectionString is null) Skip = PostgresTestServer.Missing;
    }
}
