namespace ProcedureReference.Web.Tests.Support;

/// <summary>The storage engine a test's app runs on.</summary>
public enum Engine
{
    Sqlite,
    Postgres,
}
