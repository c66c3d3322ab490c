using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Accounts;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;

namespace ProcedureReference.Sqlite;

/// <summary>The SQLite engine's services, from the <see cref="SqliteOptions"/> the host registers.</summary>
public static partial class SqliteStorage
{
    /// <summary>The writing side: the content store (stage, publish, roll back), its import lock, and the admin store.</summary>
    public static IServiceCollection AddSqliteWriting(this IServiceCollection services)
    {
        services.AddSingleton<SqliteContentStore>(provider =>
        {
            var options = provider.GetRequiredService<SqliteOptions>();
            return new SqliteContentStore(options.DatabasePath, options.KeepVersions);
        });
        services.AddSingleton<IContentStore>(provider => provider.GetRequiredService<SqliteContentStore>());
        services.AddSingleton<IImportLock>(provider => provider.GetRequiredService<SqliteContentStore>().ImportLock);
        services.AddSingleton<IAdminStore>(provider => new SqliteAdminStore(provider.GetRequiredService<SqliteOptions>().AdminDatabasePath));
        return services;
    }
}
