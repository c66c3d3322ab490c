namespace ProcedureReference.Web.Tests.Support;

/// <summary><see cref="ReferenceApp"/> on a PostgreSQL database of its own.</summary>
public sealed class PostgresReferenceApp() : ReferenceApp(Engine.Postgres);

/// <summary><see cref="AdminApp"/> on a PostgreSQL database of its own, its accounts made there before it starts.</summary>
public sealed class PostgresAdminApp() : AdminApp(Engine.Postgres);

/// <summary>
/// A second instance of the site, on real Kestrel on a free 127.0.0.1 port, sharing <paramref name="first"/>'s
/// PostgreSQL database: its content versions, admin accounts and data-protection keys.
/// </summary>
public sealed class OtherInstance : ReferenceApp
{
    public OtherInstance(ReferenceApp first) : base(first) => UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
}
