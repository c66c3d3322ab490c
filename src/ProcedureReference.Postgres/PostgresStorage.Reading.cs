using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ProcedureReference.Reading;
using ProcedureReference.Search;

namespace ProcedureReference.Postgres;

/// <summary>The PostgreSQL engine's services; PostgresOptions, Synonyms and CodeCategories come from the host.</summary>
public static partial class PostgresStorage
{
    /// <summary>
    /// The reading side: the content-version signal (LISTEN/NOTIFY on a dedicated connection, run by a hosted
    /// service, with polling), the search index, and a scoped content reader that reads one version per request.
    /// </summary>
    public static IServiceCollection AddPostgresReading(this IServiceCollection services)
    {
        services.AddPostgresDataSource();
        services.AddSingleton<PostgresContentVersions>();
        services.AddSingleton<IContentVersions>(provider => provider.GetRequiredService<PostgresContentVersions>());
        services.AddHostedService<PostgresVersionListener>();
        services.AddSingleton<ISearchIndex>(provider => new PostgresSearchIndex(
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<PostgresOptions>(),
            provider.GetRequiredService<IContentVersions>(),
            provider.GetRequiredService<Synonyms>(),
            provider.GetRequiredService<CodeCategories>()));
        services.AddScoped<IContentReader, PostgresContentReader>();
        return services;
    }
}
