using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>
/// The uploads folder holds nothing past its uploads: the start removes whatever a crash left (thousands of files,
/// folders, archives, stale locks) except an upload another process is running, and an archive being uploaded is
/// written there, not to the system's temporary folder, so the same clean-up covers it.
/// </summary>
public class UploadsFolderTests
{
    [Fact]
    public void The_start_removes_every_leftover_in_uploads_but_an_upload_still_in_use()
    {
        using var app = new ConfiguredApp();
        var uploads = Directory.CreateDirectory(app.UploadsPath).FullName;
        // As crashes left them: unpacked folders of 2,003 and 12,000 files, an archive half received, a stale lock,
        // stray files, a nested folder.
        Fill(Path.Combine(uploads, "0f3a"), 2_003);
        Fill(Path.Combine(uploads, "9c1d", "scrape"), 12_000);
        File.WriteAllBytes(Path.Combine(uploads, "77ab.zip"), new byte[4096]);
        File.WriteAllText(Path.Combine(uploads, "77ab.lock"), "");
        File.WriteAllText(Path.Combine(uploads, "stray.txt"), "left");
        // An upload another instance sharing this folder is running: its lock held.
        Fill(Path.Combine(uploads, "inuse"), 3);
        File.WriteAllBytes(Path.Combine(uploads, "inuse.zip"), new byte[16]);
        using (new FileStream(Path.Combine(uploads, "inuse.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            _ = app.Services; // starts the site
        }

        Assert.Equal(["inuse", "inuse.lock", "inuse.zip"], Directory.EnumerateFileSystemEntries(uploads).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(uploads, "inuse")).Length);
    }

    [Fact]
    public async Task An_archive_being_uploaded_is_written_in_the_uploads_folder_and_gone_after()
    {
        using var app = new KestrelAdminApp();
        using var session = await app.SignInOverKestrelAsync();
        var uploads = Directory.CreateDirectory(app.UploadsPath).FullName;
        using var watcher = new FileSystemWatcher(uploads, "*.zip");
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Created += (_, e) => arrived.TrySetResult(e.FullPath);
        watcher.EnableRaisingEvents = true;
        // A valid archive padded past ASP.NET Core's 64 KB in-memory threshold, sent in two halves.
        var archive = Padded(MalformedArchives.Valid(), 512 * 1024);
        using var content = new HalvedUpload(await session.TokenAsync("/admin"), archive, arrived.Task);

        var posting = session.Client.PostAsync("/admin/upload", content);
        var written = await arrived.Task.WaitAsync(TimeSpan.FromMinutes(2));
        using var response = await posting.WaitAsync(TimeSpan.FromMinutes(2));
        await app.Services.GetRequiredService<ImportRunner>().Current.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(uploads, Path.GetDirectoryName(written));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(uploads));
    }

    private static void Fill(string folder, int files)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < files; i++) File.WriteAllText(Path.Combine(folder, i.ToString(CultureInfo.InvariantCulture) + ".txt"), "x");
    }

    /// <summary><paramref name="zip"/> with a stored entry of filler (skipped by the import), to <paramref name="bytes"/> or more.</summary>
    private static byte[] Padded(byte[] zip, int bytes)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        stream.Position = 0;
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var filler = archive.CreateEntry("filler.bin", System.IO.Compression.CompressionLevel.NoCompression).Open();
            filler.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes));
        }
        return stream.ToArray();
    }

    /// <summary>The upload form's body, its archive sent in two halves: the second once <paramref name="resume"/> completes.</summary>
    private sealed class HalvedUpload : HttpContent
    {
        private const string Boundary = "procref-halved-upload";
        private readonly string _token;
        private readonly byte[] _archive;
        private readonly Task _resume;

        public HalvedUpload(string token, byte[] archive, Task resume)
        {
            (_token, _archive, _resume) = (token, archive, resume);
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var head = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{_token}\r\n"
                + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"halved.zip\"\r\nContent-Type: application/zip\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(_archive.AsMemory(0, _archive.Length / 2));
            await stream.FlushAsync();
            await _resume;
            await stream.WriteAsync(_archive.AsMemory(_archive.Length / 2));
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
