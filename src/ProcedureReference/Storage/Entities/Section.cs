namespace ProcedureReference.Storage.Entities;

/// <summary>One section of a page: Markdown as parsed, HTML rendered once at import.</summary>
public sealed class Section
{
    public int Id { get; set; }
    public int PageId { get; set; }
    public int Position { get; set; }
    /// <summary>The section kind's name ('risks', 'patient_experience').</summary>
    public required string Kind { get; set; }
    /// <summary>The heading the page gave it; null where the scraper dropped it.</summary>
    public string? Heading { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }
    /// <summary>The Flesch-Kincaid grade of the section's text, computed at import; null for a section with no words or imported before grades were.</summary>
    public double? ReadingGrade { get; set; }
}
