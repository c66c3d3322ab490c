using System.Globalization;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Similarity;

/// <summary>A similar_codes row as the tests read it back from SQLite.</summary>
public sealed record SimilarCodeRow(string PageCode, int Position, string Code, string Title, double Score, string Reason, string Source);

public static class SimilarCodeRows
{
    /// <summary>Every page's similar codes, by page code, in position order.</summary>
    public static Dictionary<string, List<SimilarCodeRow>> Read(string database) =>
        Sql.Rows(database, """
                SELECT p.Code, s.Position, s.Code, s.Title, s.Score, s.Reason, s.Source
                FROM similar_codes s JOIN pages p ON p.Id = s.PageId
                ORDER BY p.Code, s.Position
                """)
            .Select(r => new SimilarCodeRow(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), r[2], r[3],
                double.Parse(r[4], CultureInfo.InvariantCulture), r[5], r[6]))
            .GroupBy(r => r.PageCode)
            .ToDictionary(g => g.Key, g => g.ToList());

    public static List<SimilarCodeRow> Of(this Dictionary<string, List<SimilarCodeRow>> rows, string code) =>
        rows.TryGetValue(code, out var list) ? list : [];
}
