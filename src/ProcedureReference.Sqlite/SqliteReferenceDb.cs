using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary><see cref="ReferenceDb"/> on a SQLite file, with the migrations this assembly carries.</summary>
public static class SqliteReferenceDb
{
    /// <summary>Options for a database file; <paramref name="readOnly"/> for serving readers.</summary>
    public static DbContextOptions<ReferenceDb> OptionsFor(string path, bool readOnly = false) =>
        Configure(new DbContextOptionsBuilder<ReferenceDb>(), SqliteFiles.ConnectionString(path, readOnly)).Options;

    public static DbContextOptionsBuilder<ReferenceDb> Configure(DbContextOptionsBuilder<ReferenceDb> builder, string connectionString) =>
        ReferenceDb.Configure(builder.UseSqlite(connectionString, WithMigrations));

    /// <summary>Options over a connection the caller opened and owns (one per request, so its queries read one file).</summary>
    public static DbContextOptionsBuilder<ReferenceDb> Configure(DbContextOptionsBuilder<ReferenceDb> builder, DbConnection connection) =>
        ReferenceDb.Configure(builder.UseSqlite(connection, WithMigrations));

    private static void WithMigrations(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsAssembly(typeof(SqliteReferenceDb).Assembly.GetName().Name);
}
