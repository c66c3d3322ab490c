namespace ProcedureReference.Web.Admin;

/// <summary>
/// The uploads folder (Admin:UploadsPath): each upload gets an id and, under it, a lock file (<c>ID.lock</c>, held
/// while the upload is in use), the archive as it arrives (<c>ID.zip</c>) and the folder it is unpacked into
/// (<c>ID/</c>). Nothing else belongs there, so at start everything not held by a running upload is removed:
/// whatever a crash left, however many files. Instances that share a data folder skip each other's uploads.
/// </summary>
public sealed partial class UploadsFolder(AdminOptions options, ILogger<UploadsFolder> logger)
{
    private const string LockExtension = ".lock";

    public string Path => options.UploadsPath;

    /// <summary>A new upload's place, locked until it is disposed.</summary>
    public UploadSpace Reserve()
    {
        Directory.CreateDirectory(Path);
        var id = Guid.NewGuid().ToString("N");
        var held = new FileStream(System.IO.Path.Combine(Path, id + LockExtension), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new UploadSpace(Path, id, held);
    }

    /// <summary>Removes every file and folder not belonging to an upload in use (its lock held by this or another process).</summary>
    public void RemoveLeftovers()
    {
        if (!Directory.Exists(Path)) return;
        var removed = 0;
        try
        {
            var inUse = new HashSet<string>(StringComparer.Ordinal);
            var released = new List<FileStream>();
            try
            {
                // Listed before the locks are tried: an upload's lock is made before its files, so an entry listed
                // here whose upload is running has its lock listed too, and held.
                var entries = Directory.EnumerateFileSystemEntries(Path).ToList();
                foreach (var lockFile in entries.Where(e => e.EndsWith(LockExtension, StringComparison.Ordinal)))
                {
                    if (TryHold(lockFile) is { } free) released.Add(free);
                    else inUse.Add(IdOf(lockFile));
                }
                foreach (var entry in entries)
                {
                    if (inUse.Contains(IdOf(entry)) || entry.EndsWith(LockExtension, StringComparison.Ordinal)) continue;
                    if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                    else File.Delete(entry);
                    removed++;
                }
            }
            finally
            {
                // Held until their uploads' files are gone, so no other process takes them for live meanwhile.
                foreach (var free in released)
                {
                    File.Delete(free.Name);
                    free.Dispose();
                    removed++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The site still starts; what is left is tried again at the next start.
            LogCleanupFailed(logger, e, Path);
        }
        if (removed > 0) LogRemoved(logger, removed, Path);
    }

    /// <summary>The upload id an entry belongs to: its name up to the first dot.</summary>
    private static string IdOf(string entry)
    {
        var name = System.IO.Path.GetFileName(entry);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }

    /// <summary>The lock file held, or null when another upload holds it (an advisory flock on Linux, as the import lock).</summary>
    private static FileStream? TryHold(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} leftover entries from {Folder}")]
    private static partial void LogRemoved(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clear the leftovers in {Folder}")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string folder);
}

/// <summary>
/// One upload's place in the uploads folder: the archive as it arrives and the folder it is unpacked into, kept
/// while its lock is held; releasing removes both, then the lock. The request's end releases it unless an import
/// took it over (<see cref="KeepForImport"/>), which releases it when it ends.
/// </summary>
public sealed class UploadSpace : IDisposable
{
    private readonly FileStream _held;
    private readonly Lock _gate = new();
    private FileStream? _archive;
    private bool _handedOver;
    private bool _disposed;

    internal UploadSpace(string uploads, string id, FileStream held)
    {
        _held = held;
        ArchivePath = Path.Combine(uploads, id + ".zip");
        Folder = Path.Combine(uploads, id);
    }

    public string ArchivePath { get; }

    public string Folder { get; }

    /// <summary>The archive's file, created empty for the request body to be copied into.</summary>
    public FileStream CreateArchive()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _archive = new FileStream(ArchivePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous);
        }
    }

    /// <summary>Keeps the unpacked folder past the request, for the import that <see cref="Release"/>s it when it ends; the archive goes now.</summary>
    public void KeepForImport()
    {
        lock (_gate)
        {
            _handedOver = true;
            RemoveArchive();
        }
    }

    /// <summary>The end of the request: everything goes, unless an import took it over.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_handedOver) return;
        }
        Release();
    }

    /// <summary>Removes the archive, the unpacked folder and the lock; once is enough, more is harmless.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                RemoveArchive();
                if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
                File.Delete(_held.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed at the next start, the lock released below being the sign that nothing uses it.
            }
            finally
            {
                _held.Dispose();
            }
        }
    }

    private void RemoveArchive()
    {
        _archive?.Dispose();
        _archive = null;
        try
        {
            File.Delete(ArchivePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed at the next start.
        }
    }
}
