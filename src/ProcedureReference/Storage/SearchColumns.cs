using ProcedureReference.Parsing;

namespace ProcedureReference.Storage;

/// <summary>
/// The columns of the FTS5 table search_index, in order: the descriptor, the names, then one column per
/// section kind, so a search can be limited to a section and a snippet knows the section it came from.
/// </summary>
public static class SearchColumns
{
    public const string Table = "search_index";
    public const string Title = "title";
    public const string Names = "names";

    public static readonly IReadOnlyList<string> All =
        [Title, Names, .. Enum.GetValues<SectionKind>().Select(k => k.ToName())];
}
