using System.Globalization;
using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Tests.Support;

/// <summary>Raw SQL against a database file, read-only, every value as text (null as "NULL").</summary>
public static class Sql
{
    public static List<string[]> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection(SqliteFiles.ConnectionString(database, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The first column of every row.</summary>
    public static List<string> Column(string database, string sql) => Rows(database, sql).Select(r => r[0]).ToList();
}
