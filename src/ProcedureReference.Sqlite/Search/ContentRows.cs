using Microsoft.Data.Sqlite;
using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>The rows the search's in-memory structures are built from, read from the pages table and the FTS5 table.</summary>
internal static class ContentRows
{
    public static List<PageTableRow> PageTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Code, System, Title, Ordinal, Name, CommonNames FROM pages";
        using var reader = command.ExecuteReader();
        var rows = new List<PageTableRow>();
        while (reader.Read())
        {
            var title = reader.GetString(3);
            rows.Add(new(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), title, reader.GetInt32(4),
                Reading.PlainName.Of(title, reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6))));
        }
        return rows;
    }

    public static List<SuggestRow> Suggest(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Code, Title, Name, CommonNames, TechnicalTerm FROM pages ORDER BY Ordinal, Id";
        using var reader = command.ExecuteReader();
        var rows = new List<SuggestRow>();
        while (reader.Read())
        {
            rows.Add(new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }

    /// <summary>Every page's searchable texts, one row at a time (the same array, refilled: consume each before the next).</summary>
    public static IEnumerable<string?[]> SearchTexts(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", SearchColumns.All)} FROM {SearchColumns.Table}";
        using var reader = command.ExecuteReader();
        var texts = new string?[reader.FieldCount];
        while (reader.Read())
        {
            for (var column = 0; column < texts.Length; column++) texts[column] = reader.IsDBNull(column) ? null : reader.GetString(column);
            yield return texts;
        }
    }
}
