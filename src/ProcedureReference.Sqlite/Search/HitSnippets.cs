using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProcedureReference.Parsing;
using ProcedureReference.Search;

namespace ProcedureReference.Sqlite;

/// <summary>
/// Picks, for each hit on a page of results, the snippet to show and the section it links to. FTS5's
/// snippet(-1) chooses a column but does not say which, so a snippet is cut from every section column and the
/// one marking the most distinct query words wins (ties: the earlier section, so summary and purpose first).
/// A match only in the title or names links nowhere and shows the summary; a page found by its code alone
/// shows the first words of its summary.
/// </summary>
internal static class HitSnippets
{
    public static Dictionary<int, (string Html, string? Section)> For(
        SqliteConnection connection, IReadOnlyList<int> ids, string? match, SectionKind? section)
    {
        var chosen = new Dictionary<int, (string Html, string? Section)>();
        if (ids.Count == 0) return chosen;
        var idsJson = JsonSerializer.Serialize(ids);

        if (match is not null)
        {
            using var command = connection.CreateCommand();
            command.CommandText = SearchSql.Snippets;
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$ids", idsJson);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var snippets = new string?[SearchSql.SnippetColumns.Count];
                for (var i = 0; i < snippets.Length; i++) snippets[i] = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
                chosen[reader.GetInt32(0)] = Choose(snippets, section);
            }
        }

        var missing = ids.Where(id => !chosen.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = SearchSql.Leads;
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(missing));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var summary = reader.IsDBNull(1) ? null : reader.GetString(1);
                chosen[reader.GetInt32(0)] = (SnippetHtml.Lead(string.IsNullOrWhiteSpace(summary) ? reader.GetString(2) : summary), null);
            }
        }

        // A page in pages without a search row cannot happen after an import; an empty snippet is the safe answer.
        foreach (var id in ids) chosen.TryAdd(id, ("", null));
        return chosen;
    }

    /// <summary>
    /// <paramref name="snippets"/>: the title's snippet, then one per section kind in kind order (as
    /// <see cref="SearchSql.SnippetColumns"/>). A section filter decides the section outright.
    /// </summary>
    internal static (string Html, string? Section) Choose(IReadOnlyList<string?> snippets, SectionKind? section)
    {
        string? Of(SectionKind kind) => snippets[1 + (int)kind];

        if (section is { } only) return (SnippetHtml.Render(Of(only)), only.ToName());

        SectionKind? best = null;
        var bestScore = (Distinct: 0, Marks: 0);
        foreach (var kind in Enum.GetValues<SectionKind>())
        {
            var score = SnippetHtml.Matches(Of(kind));
            if (score.Distinct > bestScore.Distinct || (score.Distinct == bestScore.Distinct && score.Marks > bestScore.Marks))
                (best, bestScore) = (kind, score);
        }
        if (best is { } found) return (SnippetHtml.Render(Of(found)), found.ToName());

        var summary = Of(SectionKind.Summary);
        return (SnippetHtml.Render(string.IsNullOrWhiteSpace(summary) ? snippets[0] : summary), null);
    }
}
