using Microsoft.Data.Sqlite;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;

namespace ProcedureReference.Sqlite;

/// <summary>
/// What a publish checks against the live file before it switches (under the publish lock, so the live file it
/// compares with is the one it replaces): whether the staged file is the same content, and how many live codes
/// it removes. Also the same facts for the review page.
/// </summary>
public sealed partial class SqliteContentStore
{
    /// <summary>How <paramref name="staged"/> compares with the live file; a live file that is missing or cannot be read counts as no content.</summary>
    private LiveComparison MeasureAgainstLive(string staged)
    {
        if (!File.Exists(LiveDatabase)) return new LiveComparison(0, 0, SameContent: false);
        try
        {
            using var connection = new SqliteConnection(SqliteFiles.ConnectionString(staged, readOnly: true));
            connection.Open();
            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $live AS live";
                attach.Parameters.AddWithValue("$live", LiveDatabase);
                attach.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT (SELECT count(*) FROM live.pages),
                       (SELECT count(*) FROM live.pages l WHERE NOT EXISTS (SELECT 1 FROM main.pages s WHERE s.Code = l.Code)),
                       coalesce((SELECT Value FROM live.content_info WHERE Key = '{ContentHash.FingerprintKey}')
                              = (SELECT Value FROM main.content_info WHERE Key = '{ContentHash.FingerprintKey}'), 0)
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            return new LiveComparison(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2) == 1);
        }
        catch (SqliteException)
        {
            // A live file that cannot be read holds nothing to compare with: publishing over it is how it is replaced.
            return new LiveComparison(0, 0, SameContent: false);
        }
        finally
        {
            // The pooled connection holds the live file attached: closed now, so neither file stays open.
            SqliteFiles.Release(staged);
        }
    }
}
