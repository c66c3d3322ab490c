using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// What a content database holds, to compare before and after a crash: SQLite's integrity check, the content hash
/// the import recorded, every code, and how many sections, search rows and similar codes there are.
/// </summary>
public sealed record DatabaseFacts(string Integrity, string ContentHash, string Codes, long Sections, long SearchRows, long SimilarCodes)
{
    public static DatabaseFacts Of(string database)
    {
        Assert.True(File.Exists(database), $"{database} exists");
        try
        {
            using var connection = new SqliteConnection(SqliteFiles.ConnectionString(database, readOnly: true));
            connection.Open();
            return new DatabaseFacts(
                string.Join("; ", Column(connection, "PRAGMA integrity_check")),
                Column(connection, "SELECT Value FROM content_info WHERE Key = 'content_hash'").Single(),
                string.Join(",", Column(connection, "SELECT Code FROM pages ORDER BY Code")),
                long.Parse(Column(connection, "SELECT count(*) FROM sections").Single(), System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(Column(connection, "SELECT count(*) FROM search_index").Single(), System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(Column(connection, "SELECT count(*) FROM similar_codes").Single(), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            SqliteFiles.Release(database);
        }
    }

    public override string ToString() =>
        $"integrity {Integrity}, hash {ContentHash[..12]}, {Codes.Split(',').Length} codes, {Sections} sections, {SearchRows} search rows, {SimilarCodes} similar codes";

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
