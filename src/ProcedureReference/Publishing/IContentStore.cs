using ProcedureReference.Importing;

namespace ProcedureReference.Publishing;

/// <summary>
/// The live content and what stands around it: imports staged for review, and the versions published, kept so that
/// any of them can be made live again. The only way content goes live: the importer builds into a writer the store
/// opens, and the store stages and publishes the result. Every switch is one atomic step for readers.
/// </summary>
public interface IContentStore
{
    /// <summary>Versions kept for rollback unless configured otherwise.</summary>
    const int DefaultKeep = 5;

    /// <summary>Whether there is live content at all (false before the first import).</summary>
    bool HasLiveContent { get; }

    /// <summary>Builds an import for review, compared with what is live; nothing live changes.</summary>
    (StagedImport? Staged, ImportReport Report) Stage(ImportOptions options, string who, string source, IProgress<ImportProgress>? progress = null);

    /// <summary>
    /// Stages and publishes in one go, as the command line's import does. A publish its checks refuse (no changes,
    /// removals not confirmed) leaves nothing staged: the staged import is discarded.
    /// </summary>
    /// <param name="check">What the publish checks; null: <see cref="PublishCheck.RemovalsAllowed"/>.</param>
    (ImportReport Report, StoreResult? Published) ImportAndPublish(ImportOptions options, string who, string source,
        IProgress<ImportProgress>? progress = null, PublishCheck? check = null);

    /// <summary>The imports staged for review, newest first.</summary>
    IReadOnlyList<StagedImport> Staged();

    /// <summary>A staged import by id, or null (also for an id that is not one of the store's).</summary>
    StagedImport? FindStaged(string id);

    StoreResult Discard(string id);

    /// <summary>
    /// Makes a staged import live, and keeps it as the next version, unless <paramref name="check"/> refuses it
    /// against the live content of that moment (<see cref="StoreResult.Blocked"/> says which check).
    /// </summary>
    /// <param name="check">What the publish checks; null: <see cref="PublishCheck.RemovalsAllowed"/> (an unchanged import is refused all the same).</param>
    StoreResult Publish(string id, string who, PublishCheck? check = null);

    /// <summary>Makes a kept version live again.</summary>
    StoreResult Rollback(int number, string who);

    VersionList Versions();

    /// <summary>How a staged import differs from the live content, code by code (and whether it is the same content); null when there is no such staged import.</summary>
    ContentDifference? Compare(string stagedId);

    /// <summary>The parts of one code that a staged import changes, as line diffs; null when there is no such staged import.</summary>
    IReadOnlyList<PartDifference>? Describe(string stagedId, string code);

    /// <summary>Removes what a killed import or publish left, and corrects the record of which version is live (at start).</summary>
    void RemoveLeftovers();

    /// <summary>
    /// Checks the live content and, when it is damaged (a file cut short, a bad copy), puts an intact kept version
    /// back live with the same switch a publish uses: the version noted live if its kept copy is intact, else the
    /// newest intact one. Safe to call from any thread at any time; a check that found the same live content intact
    /// (or beyond repair) is not repeated.
    /// </summary>
    LiveRepair RepairLive(LiveCheck check);

    /// <summary>The last repair that found damage, while what it left is still live (the admin's banner); else null.</summary>
    LiveRepair? LastRepair();
}
