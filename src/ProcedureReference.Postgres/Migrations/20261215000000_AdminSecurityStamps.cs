using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcedureReference.Postgres;

/// <summary>
/// A security stamp per admin account: the session cookie carries it and every request compares it with this
/// column, so renewing it (sign-out, a new password) or deleting the row (removal) ends every session on every
/// instance. Existing accounts each get a random stamp of their own: a volatile default is evaluated per row when
/// the column is added (gen_random_uuid is built in from PostgreSQL 13); it is dropped afterwards, since the application always writes the stamp.
/// </summary>
[DbContext(typeof(PostgresDb))]
[Migration("20261215000000_AdminSecurityStamps")]
public sealed class AdminSecurityStamps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE admins ADD COLUMN security_stamp text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
            ALTER TABLE admins ALTER COLUMN security_stamp DROP DEFAULT;
            """);
    }
}
