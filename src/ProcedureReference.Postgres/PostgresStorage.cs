using Microsoft.Extensions.DependencyInjection;

namespace ProcedureReference.Postgres;

/// <summary>The PostgreSQL engine's services; <see cref="PostgresOptions"/>, the synonyms and the code ranges come from the host.</summary>
public static partial class PostgresStorage
{
    /// <summary>Everything the domain's storage and search interfaces need, on one PostgreSQL database that instances share.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services) =>
        services.AddPostgresWriting().AddPostgresReading();
}
