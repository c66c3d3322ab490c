using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using ProcedureReference.Postgres;
using ProcedureReference.Sqlite;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web;

/// <summary>
/// The storage engine behind the domain's interfaces, chosen by Database:Provider and set up from the site's own
/// settings: registered the same way for the site and for the command-line verbs, so that
/// `import --Database:Provider=Postgres ...` and the site started with the same flags mean the same store.
/// </summary>
public static class StorageSetup
{
    /// <summary>
    /// Needs <see cref="ReferenceOptions"/>, <see cref="StorageOptions"/> and <see cref="AdminOptions"/> registered (and,
    /// for reading, the synonyms and code ranges). A statement runs no longer than a request may where requests are
    /// served. The data-protection keys (admin sign-ins, antiforgery) live where the content does: beside the SQLite
    /// file, or in the PostgreSQL database that every instance shares.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataProtection = services.AddDataProtection().SetApplicationName("ProcedureReference");
        // Read before binding: the services registered depend on it (a bad value is reported by the settings check).
        if (StorageOptions.IsPostgresProvider(configuration["Database:Provider"]))
        {
            services.AddSingleton(provider => new PostgresOptions
            {
                ConnectionString = provider.GetRequiredService<StorageOptions>().PostgresConnectionString,
                KeepVersions = provider.GetRequiredService<AdminOptions>().KeepVersions,
                CommandTimeout = provider.GetService<RequestLimitOptions>()?.RequestTimeout ?? PostgresOptions.DefaultCommandTimeout,
            });
            services.AddPostgresStorage();
            dataProtection.AddPostgresDataProtection();
        }
        else
        {
            services.AddSingleton(provider => new SqliteOptions
            {
                DatabasePath = provider.GetRequiredService<ReferenceOptions>().DatabasePath,
                AdminDatabasePath = provider.GetRequiredService<AdminOptions>().DatabasePath,
                KeepVersions = provider.GetRequiredService<AdminOptions>().KeepVersions,
                // The verbs serve no requests: their statements get the engine's own wait.
                CommandTimeout = provider.GetService<RequestLimitOptions>()?.RequestTimeout ?? SqliteOptions.DefaultCommandTimeout,
            });
            services.AddSqliteStorage();
            // Keys beside the database, so a restart does not sign every admin out or void their forms.
            services.AddOptions<KeyManagementOptions>().Configure<IOptions<AdminOptions>, ILoggerFactory>((keys, options, logging) =>
                keys.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(options.Value.KeysPath), logging));
        }
        services.AddSingleton<AdminAccounts>();
        return services;
    }
}
