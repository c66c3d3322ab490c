using System.ComponentModel.DataAnnotations;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web;

/// <summary>
/// Which storage engine holds the reference (keys Database:Provider, ConnectionStrings:Postgres): the embedded SQLite
/// file by default, or a PostgreSQL database that any number of instances share.
/// </summary>
public sealed class StorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    [ConfigurationKeyName("Database:Provider")]
    [RegularExpression("^(?i:Sqlite|Postgres)$", ErrorMessage = "Sqlite or Postgres")]
    public string Provider { get; set; } = Sqlite;

    [ConfigurationKeyName("ConnectionStrings:Postgres")]
    public string PostgresConnectionString { get; set; } = "";

    public bool IsPostgres => IsPostgresProvider(Provider);

    /// <summary>
    /// Where the content goes, as a report or a log line names it: the SQLite file, or the PostgreSQL database by its
    /// name and host (never the whole connection string: it may hold a password).
    /// </summary>
    public string Location(string sqlitePath)
    {
        if (!IsPostgres) return sqlitePath;
        var parts = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = PostgresConnectionString };
        var database = parts.TryGetValue("Database", out var name) ? $" {name}" : "";
        var host = parts.TryGetValue("Host", out var server) ? $" on {server}" + (parts.TryGetValue("Port", out var port) ? $":{port}" : "") : "";
        return $"the PostgreSQL database{database}{host}";
    }

    /// <summary>The provider as configured, read before the options are bound (the services registered depend on it).</summary>
    public static bool IsPostgresProvider(string? provider) => string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public static void Register(IServiceCollection services) =>
        services.AddSettings<StorageOptions>("").Validate(
            options => !options.IsPostgres || !string.IsNullOrWhiteSpace(options.PostgresConnectionString),
            "ConnectionStrings:Postgres = '' is not allowed: an Npgsql connection string (Host=...;Database=...;Username=...), needed when Database:Provider is Postgres");
}
