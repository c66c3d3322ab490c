using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>The PostgreSQL engine's services; <see cref="PostgresOptions"/>, the synonyms and the code ranges come from the host.</summary>
public static partial class PostgresStorage
{
    /// <summary>Everything the domain's storage and search interfaces need, on one PostgreSQL database that instances share.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services) =>
        services.AddSingleton<IStorageEngine, PostgresEngine>().AddPostgresWriting().AddPostgresReading();

    /// <summary>One pool for the whole engine, whichever side registers it first; disposed with the container.</summary>
    private static IServiceCollection AddPostgresDataSource(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => provider.GetRequiredService<PostgresOptions>().CreateDataSource());
        return services;
    }
}
