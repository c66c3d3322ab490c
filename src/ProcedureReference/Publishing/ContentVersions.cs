using ProcedureReference.Importing;

namespace ProcedureReference.Publishing;

/// <summary>An import built and kept for review: what it read, what it found, and how it differs from what was live then.</summary>
public sealed record StagedImport(string Id, DateTimeOffset StagedAt, string StagedBy, string Source, ImportReport Report);

/// <summary>A published database, kept so that it can be made live again.</summary>
public sealed record PublishedVersion(
    int Number,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    string Source,
    int Pages,
    int Added,
    int Changed,
    int Removed)
{
    public string Label => $"v{Number}";
}

/// <summary>The versions kept, newest first, and which one is live (null when the live content predates versions).</summary>
public sealed record VersionList(IReadOnlyList<PublishedVersion> Versions, int? LiveNumber);

/// <summary>What a publish, rollback or discard came to: done, or why not.</summary>
public sealed record StoreResult(bool Succeeded, string Message, PublishedVersion? Version = null)
{
    /// <summary>Which of a publish's checks refused it, if one did.</summary>
    public PublishBlock Blocked { get; init; }

    public static StoreResult Refused(string message) => new(false, message);
}
