namespace ProcedureReference.Storage;

/// <summary>What only the engine knows about its own failures and resources, asked by the host without naming its types.</summary>
public interface IStorageEngine
{
    /// <summary>
    /// Whether <paramref name="exception"/> is a statement the engine stopped because its caller cancelled it or ran
    /// out of time (SQLite's interrupt, PostgreSQL's 57014), which data access libraries report as a plain failure.
    /// </summary>
    bool IsCancelledStatement(Exception exception);

    /// <summary>Gives back what the engine keeps for reuse while the site is idle (the caches of pooled connections).</summary>
    void ReleaseIdleMemory();
}
