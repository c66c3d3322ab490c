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
        Manifest.FileName, "cpt-ranges.csv", "synonyms.csv",
    };

    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    public static ArchiveResult Extract(Stream archive, string folder, ArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"{folder} is not empty");
        Directory.CreateDirectory(folder);
        var result = Unpack(archive, folder, limits);
        if (!result.Succeeded) Directory.Delete(folder, recursive: true);
        return result;
    }

    private static ArchiveResult Unpack(Stream archive, string folder, ArchiveLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return Refused($"not a readable .zip file ({e.Message})");
        }
        using (zip)
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
                catch (InvalidDataException e)
                {
                    return Refused($"{entry.FullName} cannot be unpacked ({e.Message})");
                }
            }
            var pages = taken.Count(n => !DataFiles.Contains(n));
            return pages == 0 ? Refused("it holds no page files (*.txt)") : new ArchiveResult(null, pages, skipped);
        }
    }

    /// <summary>Copies an entry, stopping once more than <paramref name="allowed"/> bytes come out: -1 then.</summary>
    private static long Copy(ZipArchiveEntry entry, string path, long allowed)
    {
        using var source = entry.Open();
        using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            written += read;
            if (written > allowed) return -1;
            target.Write(buffer, 0, read);
        }
        return written;
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
}
