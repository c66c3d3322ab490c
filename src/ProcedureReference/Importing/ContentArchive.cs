using System.IO.Compression;
using ProcedureReference.Parsing;

namespace ProcedureReference.Importing;

/// <summary>How large an uploaded archive of pages may be, packed and unpacked.</summary>
public sealed record ArchiveLimits
{
    public long MaxArchiveBytes { get; init; } = 256L * 1024 * 1024;
    public int MaxEntries { get; init; } = 200_000;
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024 / 2;
    public long MaxFileBytes { get; init; } = PageText.DefaultMaxBytes;
}

/// <summary>What unpacking an archive came to: the pages taken and what was passed over, or why it was refused whole.</summary>
public sealed record ArchiveResult(string? Error, int Pages, IReadOnlyList<string> Skipped)
{
    public bool Succeeded => Error is null;

    /// <summary>Refused because the unpacked files could not be written (the server's disk), not for the archive.</summary>
    public bool CouldNotWrite { get; init; }
}

/// <summary>
/// Unpacks an uploaded .zip of pages into a fresh folder, refusing the whole archive at the first entry that could
/// write outside it (an absolute path, '..', a link) or that breaks a limit (entry count, size of one file or of
/// all, counted as bytes are written since a header can lie). Only page files, the manifest and content/'s data
/// files are taken, flattened into the folder; anything else is skipped and named.
/// </summary>
public static class ContentArchive
{
    /// <summary>The files of a content folder besides its pages.</summary>
    public static readonly IReadOnlySet<string> DataFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        Manifest.FileName, "cpt-ranges.csv", "synonyms.csv", Reading.Glossary.FileName,
    };

    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    /// <summary>
    /// Unpacks <paramref name="archive"/> into <paramref name="folder"/>, which must be new or empty. Whatever the
    /// archive holds, the answer is a result, never an exception from the archive reader; refused, the folder is gone.
    /// </summary>
    public static ArchiveResult Extract(Stream archive, string folder, ArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"{folder} is not empty");
        Directory.CreateDirectory(folder);
        ArchiveResult? result = null;
        try
        {
            result = Unpack(archive, folder, limits);
            return result;
        }
        finally
        {
            // Refused or thrown, an upload leaves no folder behind.
            if (result is not { Succeeded: true }) TryDelete(folder);
        }
    }

    private static ArchiveResult Unpack(Stream archive, string folder, ArchiveLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            return UnpackEntries(zip, folder, limits);
        }
        catch (TargetWriteException e)
        {
            return new ArchiveResult($"The archive could not be unpacked: {e.Message}. Nothing was imported.", 0, []) { CouldNotWrite = true };
        }
        catch (Exception e) when (IsDamage(e))
        {
            return Refused("it is not a readable .zip file" + (e is InvalidDataException ? $" ({e.Message})" : " (it is damaged or cut short)"));
        }
    }

    private static ArchiveResult UnpackEntries(ZipArchive zip, string folder, ArchiveLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            return Refused($"it has {zip.Entries.Count:N0} entries; at most {limits.MaxEntries:N0} are taken");
        var skipped = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (UnsafeName(entry.FullName) is { } why) return Refused($"entry '{entry.FullName}' {why}");
            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
                return Refused($"entry '{entry.FullName}' is a link");
            if (entry.FullName.EndsWith('/')) continue; // a folder: its files are taken by name
            var name = entry.Name;
            if (!IsContentFile(name))
            {
                skipped.Add(entry.FullName);
                continue;
            }
            if (!taken.Add(name)) return Refused($"it holds two files named {name}");
            var cap = DataFiles.Contains(name) ? Math.Max(limits.MaxFileBytes, 16L * 1024 * 1024) : limits.MaxFileBytes;
            if (entry.Length > cap) return Refused($"{entry.FullName} unpacks to {entry.Length:N0} bytes; a file may have {cap:N0}");
            if (total + entry.Length > limits.MaxTotalBytes) return Refused(TooLarge(limits));
            try
            {
                var written = Copy(entry, Path.Combine(folder, name), Math.Min(cap, limits.MaxTotalBytes - total));
                if (written < 0) return Refused($"{entry.FullName} unpacks to more than its header says, past the limits");
                total += written;
            }
            catch (Exception e) when (IsDamage(e))
            {
                return Refused($"{entry.FullName} cannot be unpacked" + (e is InvalidDataException ? $" ({e.Message})" : " (it is damaged)"));
            }
        }
        var pages = taken.Count(n => !DataFiles.Contains(n));
        return pages == 0 ? Refused("it holds no page files (*.txt)") : new ArchiveResult(null, pages, skipped);
    }

    /// <summary>
    /// What the archive reader throws for a damaged archive: bad data, reads and seeks past either end (the
    /// position a lying offset asks for), methods it cannot read. Failures to write the folder are told apart
    /// (<see cref="TargetWriteException"/>), since they are not the archive's fault.
    /// </summary>
    private static bool IsDamage(Exception e) =>
        e is InvalidDataException or IOException or ArgumentException or NotSupportedException or OverflowException
        && e is not TargetWriteException;

    /// <summary>Copies an entry, stopping once more than <paramref name="allowed"/> bytes come out: -1 then.</summary>
    private static long Copy(ZipArchiveEntry entry, string path, long allowed)
    {
        using var source = entry.Open();
        // Unbuffered: every write happens inside Writing, none is left for Dispose to fail on.
        using var target = Writing(() => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0));
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > allowed) return -1;
            Writing(() => target.Write(buffer, 0, read));
        }
        return written;
    }

    private static T Writing<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TargetWriteException(e.Message, e);
        }
    }

    private static void Writing(Action write) => Writing(() =>
    {
        write();
        return true;
    });

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the start-up clean-up of the uploads folder.
        }
    }

    private static bool IsContentFile(string name) =>
        DataFiles.Contains(name) || (name.EndsWith(".txt", StringComparison.Ordinal) && name.Length > 4 && !name.StartsWith('.'));

    private static string? UnsafeName(string name)
    {
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal)) return "has no usable name";
        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':')) return "is an absolute path";
        if (name.Split('/', '\\').Any(part => part == "..")) return "climbs out of its folder ('..')";
        return null;
    }

    private static string TooLarge(ArchiveLimits limits) => $"it unpacks to more than {limits.MaxTotalBytes:N0} bytes";

    private static ArchiveResult Refused(string why) => new($"The archive was refused: {why}. Nothing was imported.", 0, []);

    /// <summary>Writing the unpacked files failed (a full disk, say): told apart from a damaged archive.</summary>
    private sealed class TargetWriteException(string message, Exception inner) : IOException(message, inner);
}
