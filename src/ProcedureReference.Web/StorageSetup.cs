using ProcedureReference.Sqlite;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web;

/// <summary>
/// The storage engine behind the domain's interfaces, from the site's own settings: registered the same way for the
/// site and for the command-line verbs, so that `import --Database:Path=X` and the site with Database:Path=X mean
/// the same store.
/// </summary>
public static class StorageSetup
{
    /// <summary>
    /// Needs <see cref="ReferenceOptions"/> and <see cref="AdminOptions"/> registered (and, for reading, the synonyms and
    /// code ranges); a statement waits for a lock, and runs, no longer than a request may where requests are served.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(provider => SqliteOptionsFor(provider.GetRequiredService<ReferenceOptions>(),
            provider.GetRequiredService<AdminOptions>(), provider.GetService<RequestLimitOptions>()));
        services.AddSqliteStorage();
        services.AddSingleton<AdminAccounts>();
        return services;
    }

    private static SqliteOptions SqliteOptionsFor(ReferenceOptions reference, AdminOptions admin, RequestLimitOptions? requests) => new()
    {
        DatabasePath = reference.DatabasePath,
        AdminDatabasePath = admin.DatabasePath,
        KeepVersions = admin.KeepVersions,
        // The verbs serve no requests: their statements get the engine's own wait.
        CommandTimeout = requests?.RequestTimeout ?? SqliteOptions.DefaultCommandTimeout,
    };
}
