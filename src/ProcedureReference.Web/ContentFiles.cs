namespace ProcedureReference.Web;

/// <summary>The data files that live in the content folder beside the pages.</summary>
public static class ContentFiles
{
    public const string CodeRanges = "cpt-ranges.csv";
    public const string Synonyms = "synonyms.csv";
}
