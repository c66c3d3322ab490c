using ProcedureReference.Sqlite;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web;

/// <summary>
/// The storage engine's settings from the site's own, shared by the site and the command-line verbs, so that
/// `import --db X` and the site with Database:Path=X mean the same store.
/// </summary>
public static class StorageSetup
{
    public static SqliteOptions SqliteOptionsFor(ReferenceOptions reference, AdminOptions admin)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(admin);
        return new SqliteOptions
        {
            DatabasePath = reference.DatabasePath,
            AdminDatabasePath = admin.DatabasePath,
            KeepVersions = admin.KeepVersions,
        };
    }

    /// <summary>The writing services (content store, admin accounts) for a verb, without the web host.</summary>
    public static ServiceProvider ForCommandLine(ReferenceOptions reference, AdminOptions admin)
    {
        var services = new ServiceCollection();
        services.AddSingleton(admin);
        services.AddSingleton(SqliteOptionsFor(reference, admin));
        services.AddSqliteWriting();
        services.AddSingleton<AdminAccounts>();
        return services.BuildServiceProvider();
    }
}
