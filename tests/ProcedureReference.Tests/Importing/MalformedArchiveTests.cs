using System.Globalization;
using System.IO.Compression;
using ProcedureReference.Importing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Importing;

/// <summary>
/// Archives that are not whole .zip files: each is refused with the same calm message as any other bad archive,
/// never an exception, and leaves nothing in the uploads folder. A table of damaged fields (<see cref="MalformedArchives"/>)
/// and a seeded fuzz of a real archive mutated several ways at once.
/// </summary>
public sealed class MalformedArchiveTests : IDisposable
{
    private const string Refusal = "The archive was refused: ";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Uploads => _temp.Combine("uploads");

    private ArchiveResult Extract(byte[] archive, ArchiveLimits? limits = null)
    {
        using var stream = new MemoryStream(archive, writable: false);
        return ContentArchive.Extract(stream, Path.Combine(Uploads, Guid.NewGuid().ToString("N")), limits ?? new ArchiveLimits());
    }

    private bool UploadsEmpty => !Directory.Exists(Uploads) || !Directory.EnumerateFileSystemEntries(Uploads).Any();

    [Theory]
    [MemberData(nameof(MalformedArchives.Names), MemberType = typeof(MalformedArchives))]
    public void A_malformed_archive_is_refused_calmly_and_leaves_no_folder(string name)
    {
        var result = Extract(MalformedArchives.All[name]);

        Assert.False(result.Succeeded, $"{name}: taken as {result.Pages} pages");
        Assert.StartsWith(Refusal, result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was imported.", result.Error, StringComparison.Ordinal);
        Assert.True(UploadsEmpty, $"{name}: left {string.Join(", ", Directory.EnumerateFileSystemEntries(Uploads))}");
    }

    [Theory]
    [MemberData(nameof(MalformedArchives.HarmlessNames), MemberType = typeof(MalformedArchives))]
    public void Damage_to_a_field_the_reader_does_not_use_is_taken_whole_or_refused(string name)
    {
        var folder = Path.Combine(Uploads, "harmless");
        using var stream = new MemoryStream(MalformedArchives.Harmless[name], writable: false);

        var result = ContentArchive.Extract(stream, folder, new ArchiveLimits());

        if (!result.Succeeded)
        {
            Assert.StartsWith(Refusal, result.Error, StringComparison.Ordinal);
            Assert.True(UploadsEmpty);
            return;
        }
        using var whole = new ZipArchive(new MemoryStream(MalformedArchives.Valid()));
        Assert.All(whole.Entries, entry =>
        {
            using var reader = new StreamReader(entry.Open());
            Assert.Equal(reader.ReadToEnd(), File.ReadAllText(Path.Combine(folder, entry.Name)));
        });
        Assert.Equal(whole.Entries.Count, Directory.GetFiles(folder).Length);
    }

    /// <summary>The table's archives are damaged copies of archives that unpack, so each refusal is down to the damage.</summary>
    [Fact]
    public void The_archives_the_table_damages_unpack_when_whole()
    {
        var valid = MalformedArchives.Valid();

        var classic = Extract(valid);
        var zip64 = Extract(MalformedArchives.Zip64(valid));

        Assert.True(classic.Succeeded, classic.Error);
        Assert.True(zip64.Succeeded, zip64.Error);
        Assert.Equal(2, classic.Pages);
        Assert.Equal(2, zip64.Pages);
    }

    /// <summary>
    /// The seed pages zipped, then damaged one to four ways at once (bytes flipped anywhere or in the directory and
    /// end record, header fields set to extreme values, cut, ranges deleted, inserted or repeated). Each must be taken
    /// (only content files, within the limits) or refused with the calm message and nothing left; never an exception.
    /// PROCREF_FUZZ_SEED and PROCREF_ARCHIVE_FUZZ_CASES run other or more cases.
    /// </summary>
    [Fact]
    public void Mutated_real_archives_are_taken_or_refused_calmly_never_thrown()
    {
        var seed = Setting("PROCREF_FUZZ_SEED", 16);
        var cases = Setting("PROCREF_ARCHIVE_FUZZ_CASES", 3000);
        var original = SeedArchive();
        var limits = new ArchiveLimits { MaxTotalBytes = 4L * 1024 * 1024, MaxFileBytes = 1024 * 1024 };
        var random = new Random(seed);
        var taken = 0;

        for (var i = 0; i < cases; i++)
        {
            var (archive, how) = ArchiveMutations.Mutate(original, random);
            var context = $"seed {seed}, case {i}: {how}";
            ArchiveResult result;
            var folder = Path.Combine(Uploads, "case-" + i.ToString(CultureInfo.InvariantCulture));
            using (var stream = new MemoryStream(archive, writable: false))
            {
                try
                {
                    result = ContentArchive.Extract(stream, folder, limits);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Assert.Fail($"{context}: threw {e}");
                    throw;
                }
            }
            if (result.Succeeded)
            {
                taken++;
                var files = Directory.EnumerateFileSystemEntries(folder).ToList();
                Assert.All(files, f => Assert.True(File.Exists(f) && (f.EndsWith(".txt", StringComparison.Ordinal) || ContentArchive.DataFiles.Contains(Path.GetFileName(f))), $"{context}: took {f}"));
                Assert.True(files.Sum(f => new FileInfo(f).Length) <= limits.MaxTotalBytes, context);
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                Assert.StartsWith(Refusal, result.Error, StringComparison.Ordinal);
                Assert.True(UploadsEmpty, $"{context}: left {folder}");
            }
        }
        // Some mutations miss everything that matters (a flipped bit in a file's date); most must not.
        Assert.InRange(taken, 0, cases - 1);
    }

    private static byte[] SeedArchive()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.EnumerateFiles(SeedContent.Folder))
                zip.CreateEntryFromFile(file, "scrape/" + Path.GetFileName(file));
        return stream.ToArray();
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
