namespace ProcedureReference.Reading;

/// <summary>
/// The content-version signal: tells every cache (the output cache, the search's in-memory tables, the
/// did-you-mean vocabulary) that the live content changed. An engine implements it the way it can notice a
/// publish: SQLite watches the live file, a server database would ask for the live version's number.
/// </summary>
public interface IContentVersions
{
    /// <summary>The live version. Cheap: an implementation may look for a change at most once a second.</summary>
    ContentVersion Live { get; }

    /// <summary>Looks for a change now (after a publish in this process), raising <see cref="Changed"/> if there was one.</summary>
    void Refresh();

    /// <summary>Raised, on the thread that noticed it, once the new version is live and before <see cref="Live"/> returns it to anyone.</summary>
    event Action<ContentVersion>? Changed;
}
