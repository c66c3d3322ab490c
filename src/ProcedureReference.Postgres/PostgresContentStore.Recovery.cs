using Npgsql;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Storage;

namespace ProcedureReference.Postgres;

/// <summary>
/// What a kill can leave, and how it is put right at the next start. Publish and rollback are single transactions,
/// so they leave nothing; an import killed while building leaves a version in state building with some of its
/// tables (attached or not); a discard or a prune killed after deleting its row leaves tables no row names.
/// </summary>
public sealed partial class PostgresContentStore
{
    /// <summary>Removes versions still building and tables of versions that have no row (at start).</summary>
    public void RemoveLeftovers()
    {
        IDisposable? importGate;
        try
        {
            importGate = _importLock.TryAcquire();
        }
        catch (StorageException)
        {
            return; // the server cannot be reached now: what is left over is removed at the next start or import
        }
        using (importGate)
        {
            if (importGate is null) return; // an import is running: what looks left over may be in use
            try
            {
                using var connection = Connect();
                RemoveBuilding(connection);
                RemoveUnnamedTables(connection);
            }
            catch (Exception e) when (PostgresFailure.IsPostgresFailure(e) || e is StorageException)
            {
                // left for the next start
            }
        }
    }

    /// <summary>
    /// Nothing to repair here: the server guards its own pages (checksums, its write-ahead log), and a version's
    /// tables are attached and dropped only inside the store's transactions, under the locks, so a live version
    /// cannot lose its partitions to a crash. A server that cannot read its files fails the reads, which answer 503.
    /// </summary>
    public LiveRepair RepairLive(LiveCheck check) => LiveRepair.Intact(DateTimeOffset.UtcNow);

    public LiveRepair? LastRepair() => null;

    /// <summary>
    /// Tables of versions no row names. Safe under the import lock: a writer creates its tables only after its
    /// row is committed, and a discard or prune deletes the row before it drops the tables.
    /// </summary>
    private static void RemoveUnnamedTables(NpgsqlConnection connection)
    {
        var named = Query(connection, "SELECT id FROM content_versions", r => r.GetInt64(0)).ToHashSet();
        foreach (var version in VersionTables.Present(connection).Where(v => !named.Contains(v)))
            VersionTables.Drop(connection, version);
    }

    public ContentDifference? Compare(string stagedId) =>
        Diff(stagedId, (live, staged) => ContentDiff.Compare(live, staged) with { SameContent = SameContent(live, staged) });

    /// <summary>Whether both sides are versions with one fingerprint.</summary>
    private static bool SameContent(IDiffSide? live, IDiffSide staged) =>
        live is VersionSide liveSide && staged is VersionSide stagedSide && liveSide.Fingerprint() is { } fingerprint && fingerprint == stagedSide.Fingerprint();

    public IReadOnlyList<PartDifference>? Describe(string stagedId, string code) =>
        Diff(stagedId, (live, staged) => ContentDiff.Describe(live, staged, code));

    /// <summary>Runs the domain's diff over the live version and a staged one, both read from their partitions; null when there is no such staged import.</summary>
    private T? Diff<T>(string stagedId, Func<IDiffSide?, IDiffSide, T> diff) where T : class
    {
        if (string.IsNullOrEmpty(stagedId)) return null;
        return Read("compare a staged import with the live content", connection =>
        {
            var staged = Query(connection, "SELECT id FROM content_versions WHERE staged_id = @id AND state = 'staged'", r => r.GetInt64(0), ("id", stagedId));
            if (staged.Count == 0) return null;
            var live = LiveVersion(connection, null);
            return diff(live is { } id ? new VersionSide(connection, id) : null, new VersionSide(connection, staged[0]));
        });
    }

    /// <summary>One version's pages and sections, as the diff reads them.</summary>
    private sealed class VersionSide(NpgsqlConnection connection, long version) : IDiffSide
    {
        public string? Fingerprint() =>
            Query(connection, $"SELECT value FROM content_info WHERE version_id = @v AND key = '{ContentHash.FingerprintKey}'",
                r => r.GetString(0), ("v", version)).FirstOrDefault();

        public IEnumerable<DiffPage> Pages() =>
            Query(connection, "SELECT code, title, content_hash FROM pages WHERE version_id = @v ORDER BY ordinal",
                r => new DiffPage(r.GetString(0), r.GetString(1), r.GetString(2)), ("v", version));

        public DiffPageParts? PartsOf(string code)
        {
            var page = Query(connection, "SELECT id, title, name, common_names, technical_term FROM pages WHERE version_id = @v AND code = @code",
                r => (Id: r.GetInt32(0), Title: r.GetString(1), Name: r.IsDBNull(2) ? null : r.GetString(2), CommonNames: r.GetString(3),
                    TechnicalTerm: r.IsDBNull(4) ? null : r.GetString(4)),
                ("v", version), ("code", code));
            if (page.Count == 0) return null;
            var sections = Query(connection, "SELECT kind, markdown FROM sections WHERE version_id = @v AND page_id = @page ORDER BY position",
                r => new DiffSection(r.GetString(0), r.GetString(1)), ("v", version), ("page", page[0].Id));
            return new DiffPageParts(page[0].Title, page[0].Name, page[0].CommonNames, page[0].TechnicalTerm, sections);
        }
    }
}
