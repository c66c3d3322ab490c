using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcedureReference.Postgres;

/// <summary>
/// The shared database as EF Core sees it: the owner of the migrations (which create the whole schema, content
/// tables included, in raw SQL) and of the data-protection keys, so that a sign-in made on one instance is valid on
/// every other. Content and admin rows are read and written with Npgsql directly (binary COPY, one-statement updates).
/// </summary>
public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The options every user of the context shares, on <paramref name="connectionString"/>.</summary>
    public static DbContextOptions<PostgresDb> OptionsFor(string connectionString) =>
        Configure(new DbContextOptionsBuilder<PostgresDb>(), connectionString).Options;

    public static DbContextOptionsBuilder<PostgresDb> Configure(DbContextOptionsBuilder<PostgresDb> builder, string connectionString) =>
        (builder ?? throw new ArgumentNullException(nameof(builder)))
            .UseNpgsql(connectionString)
            // Migrations are written by hand (the EF design-time package does not restore here), so there is no
            // model snapshot to compare with.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // EF's own shape for the keys (table "DataProtectionKeys", columns Id, FriendlyName, Xml), as the migration creates it.
        modelBuilder.Entity<DataProtectionKey>(key => key.ToTable("DataProtectionKeys"));
    }
}
