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

    /// <summary>The provider as configured, read before the options are bound (the services registered depend on it).</summary>
    public static bool IsPostgresProvider(string? provider) => string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public static void Register(IServiceCollection services) =>
        services.AddSettings<StorageOptions>("").Validate(
            options => !options.IsPostgres || !string.IsNullOrWhiteSpace(options.PostgresConnectionString),
            "ConnectionStrings:Postgres = '' is not allowed: an Npgsql connection string (Host=...;Database=...;Username=...), needed when Database:Provider is Postgres");
}
