namespace ProcedureReference.Publishing;

/// <summary>How closely the live content is checked: what is cheap enough for every start, or every page of it.</summary>
public enum LiveCheck
{
    /// <summary>The file's own description of itself (its header and its length): catches a file cut short at once.</summary>
    Quick,

    /// <summary>Every page of the content read back (SQLite's <c>PRAGMA quick_check</c>).</summary>
    Full,
}

/// <summary>What a check of the live content found.</summary>
public enum LiveState
{
    /// <summary>The live content can be served (or there is none yet, which the first start imports).</summary>
    Intact,

    /// <summary>The live content was damaged and an intact kept version was put back live.</summary>
    Repaired,

    /// <summary>The live content is damaged and no kept version is intact: nothing can be served until an import is published.</summary>
    Unrepairable,

    /// <summary>A publish or rollback is running: it replaces the live content itself, so nothing was checked.</summary>
    Busy,
}

/// <summary>
/// A check of the live content and what came of it: what was damaged, which version is live now, and when.
/// Kept by the store while its outcome is what is live, for the admin's banner.
/// </summary>
public sealed record LiveRepair(LiveState State, DateTimeOffset At, string? Damage = null, int? RestoredVersion = null)
{
    public static LiveRepair Intact(DateTimeOffset at) => new(LiveState.Intact, at);

    /// <summary>Something was wrong (repaired or not): worth an error in the log and a banner.</summary>
    public bool FoundDamage => State is LiveState.Repaired or LiveState.Unrepairable;

    /// <summary>One sentence for the log, the audit and the admin's banner.</summary>
    public string Describe() => State switch
    {
        LiveState.Repaired => $"The live content was damaged ({Damage}); v{RestoredVersion} was put back live from its kept copy.",
        LiveState.Unrepairable => $"The live content is damaged ({Damage}) and no kept version is intact: the site cannot serve pages until an import is published.",
        LiveState.Busy => "A publish or rollback is running; the live content was not checked.",
        _ => "The live content is intact.",
    };
}
