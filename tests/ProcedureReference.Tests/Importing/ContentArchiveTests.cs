using System.IO.Compression;
using ProcedureReference.Importing;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Importing;

/// <summary>Unpacking uploaded archives: what is taken, and what makes the whole archive refused with nothing written outside.</summary>
public sealed class ContentArchiveTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static MemoryStream Zip(Action<ZipArchive> fill)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        stream.Position = 0;
        return stream;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    private static MemoryStream SeedZip(string prefix = "") => Zip(zip =>
    {
        foreach (var file in Directory.EnumerateFiles(SeedContent.Folder))
            Add(zip, prefix + Path.GetFileName(file), File.ReadAllText(file));
    });

    /// <summary>Every file under the temp folder, so a test can see that nothing landed outside the target.</summary>
    private List<string> FilesUnderTemp() => Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).ToList();

    [Fact]
    public void Pages_and_data_files_are_taken_from_the_top_or_a_folder_and_the_rest_is_named_as_skipped()
    {
        using var archive = Zip(zip =>
        {
            foreach (var file in Directory.EnumerateFiles(SeedContent.Folder))
                Add(zip, "scrape/" + Path.GetFileName(file), File.ReadAllText(file));
            Add(zip, "scrape/notes.md", "not a page");
        });
        var folder = _temp.Combine("unpacked");

        var result = ContentArchive.Extract(archive, folder, new ArchiveLimits());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(5, result.Pages);
        Assert.Equal(["scrape/notes.md"], result.Skipped);
        Assert.True(File.Exists(Path.Combine(folder, "codes.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "glossary.csv")));
        Assert.Equal(5, Directory.GetFiles(folder, "*.txt").Length);
        Assert.True(TestContent.Publish(folder, _temp.Combine("ref.db")).Succeeded);
    }

    [Theory]
    [InlineData("../escaped.txt", "climbs out")]
    [InlineData("pages/../../escaped.txt", "climbs out")]
    [InlineData("/tmp/escaped.txt", "absolute path")]
    [InlineData("C:/escaped.txt", "absolute path")]
    [InlineData("\\\\server\\escaped.txt", "absolute path")]
    public void An_entry_that_could_write_outside_the_folder_refuses_the_whole_archive(string name, string reason)
    {
        using var archive = Zip(zip =>
        {
            Add(zip, "000.txt", File.ReadAllText(Path.Combine(SeedContent.Folder, SeedContent.FileOf("37188"))));
            Add(zip, name, "Search all medical codes\n\nEscaped\n");
        });
        var folder = _temp.Combine("unpacked");

        var result = ContentArchive.Extract(archive, folder, new ArchiveLimits());

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.Empty(FilesUnderTemp());
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "escaped.txt")));
    }

    [Fact]
    public void A_link_entry_refuses_the_whole_archive()
    {
        using var archive = Zip(zip =>
        {
            var link = zip.CreateEntry("codes.csv");
            link.ExternalAttributes = unchecked((int)(0xA1FF_0000u)); // S_IFLNK | 0777, as zip -y stores a symlink
            using var writer = new StreamWriter(link.Open());
            writer.Write("/etc/passwd");
        });

        var result = ContentArchive.Extract(archive, _temp.Combine("unpacked"), new ArchiveLimits());

        Assert.False(result.Succeeded);
        Assert.Contains("is a link", result.Error, StringComparison.Ordinal);
        Assert.Empty(FilesUnderTemp());
    }

    [Fact]
    public void A_bomb_that_unpacks_to_a_gigabyte_is_refused_without_being_unpacked()
    {
        var bomb = _temp.Combine("bomb.zip");
        using (var file = File.Create(bomb))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("000.txt", CompressionLevel.Fastest).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++) entry.Write(zeros);
        }
        Assert.True(new FileInfo(bomb).Length < 10 << 20, "the bomb should be small packed");
        var folder = _temp.Combine("unpacked");

        using var archive = File.OpenRead(bomb);
        var result = ContentArchive.Extract(archive, folder, new ArchiveLimits());

        Assert.False(result.Succeeded);
        Assert.Contains("unpacks to 1,073,741,824 bytes", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void The_total_unpacked_size_is_bounded_across_entries()
    {
        using var archive = Zip(zip =>
        {
            for (var i = 0; i < 4; i++) Add(zip, $"{i:000}.txt", new string('x', 1000));
        });

        var result = ContentArchive.Extract(archive, _temp.Combine("unpacked"), new ArchiveLimits { MaxTotalBytes = 2500 });

        Assert.False(result.Succeeded);
        Assert.Contains("more than 2,500 bytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_entries_refuse_the_archive()
    {
        using var archive = SeedZip();

        var result = ContentArchive.Extract(archive, _temp.Combine("unpacked"), new ArchiveLimits { MaxEntries = 3 });

        Assert.False(result.Succeeded);
        Assert.Contains($"{Directory.GetFiles(SeedContent.Folder).Length} entries", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_of_one_name_in_different_folders_refuse_the_archive()
    {
        using var archive = Zip(zip =>
        {
            Add(zip, "a/000.txt", "one");
            Add(zip, "b/000.txt", "two");
        });

        Assert.Contains("two files named 000.txt", ContentArchive.Extract(archive, _temp.Combine("unpacked"), new ArchiveLimits()).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_archive_without_pages_or_that_is_not_a_zip_is_refused()
    {
        using var noPages = Zip(zip => Add(zip, "codes.csv", "file,code\n"));
        using var notZip = new MemoryStream("this is not a zip"u8.ToArray());

        Assert.Contains("no page files", ContentArchive.Extract(noPages, _temp.Combine("a"), new ArchiveLimits()).Error, StringComparison.Ordinal);
        Assert.Contains("not a readable .zip", ContentArchive.Extract(notZip, _temp.Combine("b"), new ArchiveLimits()).Error, StringComparison.Ordinal);
    }
}
