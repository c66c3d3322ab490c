using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>The SQLite engine's services; SqliteOptions, Synonyms and CodeCategories come from the host.</summary>
public static partial class SqliteStorage
{
    /// <summary>
    /// The reading side: the content-version signal (the live file watched), the search index, and a scoped
    /// content reader over one read-only connection per request.
    /// </summary>
    public static IServiceCollection AddSqliteReading(this IServiceCollection services)
    {
        services.AddSingleton<SqliteContentVersions>();
        services.AddSingleton<IContentVersions>(provider => provider.GetRequiredService<SqliteContentVersions>());
        services.AddSingleton<ISearchIndex>(provider => new SqliteSearchIndex(
            provider.GetRequiredService<SqliteOptions>(),
            provider.GetRequiredService<IContentVersions>(),
            provider.GetRequiredService<Synonyms>(),
            provider.GetRequiredService<CodeCategories>()));
        services.AddScoped<RequestConnection>();
        services.AddDbContext<ReferenceDb>((provider, db) =>
            SqliteReferenceDb.Configure((DbContextOptionsBuilder<ReferenceDb>)db, provider.GetRequiredService<RequestConnection>().Connection));
        services.AddScoped<ReferenceDbReader>();
        services.AddScoped<IContentReader, SqliteContentReader>();
        return services;
    }
}
