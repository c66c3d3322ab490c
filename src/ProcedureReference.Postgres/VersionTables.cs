using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace ProcedureReference.Postgres;

/// <summary>
/// The tables of one content version: one partition of each content table, named <c>{parent}_v{id}</c>. Dropping
/// a version is detaching and dropping them, which leaves no dead rows behind for a vacuum to find.
/// </summary>
internal static partial class VersionTables
{
    public static readonly IReadOnlyList<string> Parents =
        ["pages", "sections", "similar_codes", "content_info", "search_documents", "search_words", "search_sections"];

    public static string Of(string parent, long version) => $"{parent}_v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every version that has a table in the database, attached or not.</summary>
    public static HashSet<long> Present(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c
            WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND c.relname ~ '_v[0-9]+$'
            """, connection);
        using var reader = command.ExecuteReader();
        var versions = new HashSet<long>();
        while (reader.Read())
        {
            var match = VersionTable().Match(reader.GetString(0));
            if (match.Success && Parents.Contains(match.Groups[1].Value))
                versions.Add(long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        return versions;
    }

    /// <summary>
    /// Drops a version's tables, each detached first if attached. DETACH ... CONCURRENTLY takes no lock that stops
    /// readers of the other versions (a plain DROP of a partition would lock the parent against every reader); a
    /// detach a kill interrupted is finished (FINALIZE) instead. Runs outside any transaction, as CONCURRENTLY must.
    /// </summary>
    public static void Drop(NpgsqlConnection connection, long version)
    {
        foreach (var parent in Parents)
        {
            var table = Of(parent, version);
            using (var pending = new NpgsqlCommand("SELECT inhdetachpending FROM pg_inherits WHERE inhrelid = to_regclass(@table)", connection))
            {
                pending.Parameters.AddWithValue("table", table);
                if (pending.ExecuteScalar() is bool detachPending)
                    Execute(connection, $"ALTER TABLE {parent} DETACH PARTITION {table} {(detachPending ? "FINALIZE" : "CONCURRENTLY")}");
            }
            Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    public static void Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    [GeneratedRegex("^([a-z_]+)_v([0-9]{1,18})$")]
    private static partial Regex VersionTable();
}
