using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcedureReference.Accounts;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;

namespace ProcedureReference.Postgres;

/// <summary>The PostgreSQL engine's services, from the <see cref="PostgresOptions"/> the host registers.</summary>
public static partial class PostgresStorage
{
    /// <summary>The writing side: the content store (stage, publish, roll back), its import lock, and the admin store.</summary>
    public static IServiceCollection AddPostgresWriting(this IServiceCollection services)
    {
        services.AddPostgresDataSource();
        services.AddSingleton<PostgresContentStore>(provider =>
            new PostgresContentStore(provider.GetRequiredService<PostgresOptions>(), provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IContentStore>(provider => provider.GetRequiredService<PostgresContentStore>());
        services.AddSingleton<IImportLock>(provider => provider.GetRequiredService<PostgresContentStore>().ImportLock);
        services.AddSingleton<IAdminStore>(provider =>
            new PostgresAdminStore(provider.GetRequiredService<PostgresOptions>(), provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>
    /// Keeps the data-protection keys in the database (EF's DataProtectionKeys table), so that a sign-in cookie made
    /// by one instance opens the admin area on every other, and keys survive an instance being replaced.
    /// </summary>
    public static IDataProtectionBuilder AddPostgresDataProtection(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDbContext<PostgresDb>((provider, db) =>
        {
            var connectionString = provider.GetRequiredService<PostgresOptions>().ConnectionString;
            // The keys table is created by the migrations; the first key read or written applies them if no store has yet.
            PostgresSchema.EnsureCreated(connectionString);
            PostgresDb.Configure((DbContextOptionsBuilder<PostgresDb>)db, connectionString);
        });
        return builder.PersistKeysToDbContext<PostgresDb>();
    }
}
