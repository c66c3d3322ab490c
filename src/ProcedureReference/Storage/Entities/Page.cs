namespace ProcedureReference.Storage.Entities;

/// <summary>One procedure code's page, as imported.</summary>
public sealed class Page
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string System { get; set; }
    public required string Title { get; set; }
    public string? Name { get; set; }
    /// <summary>Common names, one per line.</summary>
    public string CommonNames { get; set; } = "";
    public string? TechnicalTerm { get; set; }
    /// <summary>The page file it came from, for the admin's eyes.</summary>
    public required string SourceFile { get; set; }
    /// <summary>A hash of everything parsed from the page: equal hashes mean an unchanged page between imports.</summary>
    public required string ContentHash { get; set; }
    /// <summary>Position in code order, for previous/next links.</summary>
    public int Ordinal { get; set; }
    /// <summary>The Flesch-Kincaid grade of the page's explanation, computed at import; null for content imported before grades were.</summary>
    public double? ReadingGrade { get; set; }
    public List<Section> Sections { get; set; } = [];
    /// <summary>Similar codes, best first by Position (see <see cref="SimilarCode"/>).</summary>
    public List<SimilarCode> SimilarCodes { get; set; } = [];

    public IReadOnlyList<string> CommonNameList =>
        CommonNames.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
