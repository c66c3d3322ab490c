using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>The SQLite engine's services; <see cref="SqliteOptions"/>, the synonyms and the code ranges come from the host.</summary>
public static partial class SqliteStorage
{
    /// <summary>Everything the domain's storage and search interfaces need, on SQLite files.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services) =>
        services.AddSingleton<IStorageEngine, SqliteEngine>().AddSqliteWriting().AddSqliteReading();
}
