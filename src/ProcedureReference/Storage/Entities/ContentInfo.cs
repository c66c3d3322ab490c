namespace ProcedureReference.Storage.Entities;

/// <summary>Facts about the imported content as a whole (its hash, when and from where it was imported).</summary>
public sealed class ContentInfo
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
