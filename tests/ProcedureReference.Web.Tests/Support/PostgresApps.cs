namespace ProcedureReference.Web.Tests.Support;

/// <summary><see cref="ReferenceApp"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresReferenceApp() : ReferenceApp(Engine.Postgres);

/// <summary><see cref="AdminApp"/> on a PostgreSQL database of its own, its accounts made there before it starts.</summary>
public sealed class PostgresAdminApp() : AdminApp(Engine.Postgres);
