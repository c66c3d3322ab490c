using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// The log (as the configured levels write it) never holds a password, a cookie, a header value, what was uploaded,
/// or what a reader searched for, though it does hold every request's line.
/// </summary>
public class LogSecrecyTests
{
    [Fact]
    public async Task Passwords_cookies_headers_uploads_and_searches_never_reach_the_log()
    {
        var marker = "mk" + Guid.NewGuid().ToString("N")[..12];
        using var app = new ConfiguredApp();

        // A failed sign-in with a marked password and a marked name, then the real sign-in.
        using (var stranger = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true })))
        {
            using var failed = await stranger.SignInAsync(AdminApp.Name, "password-" + marker);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            using var unknown = await stranger.SignInAsync("name-" + marker, "password-" + marker);
        }
        using var session = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var cookies = new List<string>();
        using (var signIn = await session.SignInAsync(AdminApp.Name, AdminApp.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            cookies.AddRange(CookieValues(signIn));
        }
        using (var form = await session.Client.GetAsync("/admin")) cookies.AddRange(CookieValues(form));
        Assert.Contains(cookies, c => c.Length > 100); // the sign-in ticket

        // Marked headers and cookies on requests, a marked search, and an upload whose page text and file names are marked.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=query-" + marker))
        {
            request.Headers.Add("Cookie", "tracking=cookie-" + marker);
            request.Headers.Add("Authorization", "Bearer token-" + marker);
            request.Headers.Add("User-Agent", "agent-" + marker);
            request.Headers.Add("Referer", "https://example.org/referer-" + marker);
            using var search = await session.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }
        using (var upload = await session.UploadAsync(Archive(marker), $"upload-{marker}.zip"))
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await app.Services.GetRequiredService<ImportRunner>().Current.WaitAsync(TimeSpan.FromMinutes(5));
        using (var broken = await session.UploadAsync(Encoding.UTF8.GetBytes("not a zip: content-" + marker), $"broken-{marker}.zip"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        using (var admin = await session.Client.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        var log = app.LogText();

        // The log has the requests...
        Assert.Contains("HTTP POST /admin/login responded 401", log, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /admin/login responded 302", log, StringComparison.Ordinal);
        Assert.Contains("HTTP GET /search responded 200", log, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /admin/upload responded 302", log, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /admin/upload responded 422", log, StringComparison.Ordinal);
        // ...and none of what they carried.
        Assert.DoesNotContain(marker, log, StringComparison.Ordinal);
        Assert.DoesNotContain(AdminApp.Password, log, StringComparison.Ordinal);
        foreach (var cookie in cookies)
            Assert.DoesNotContain(cookie, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_is_logged_with_its_control_characters_and_line_separators_escaped_and_cut_at_its_cap()
    {
        using var app = new ConfiguredApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        // A path that would start a forged log line, and one far longer than a log line needs.
        using (await client.GetAsync("/codes/a%0d%0a[00:00:00%20INF]%20forged%E2%80%A8line")) { }
        using (await client.GetAsync("/codes/" + new string('x', 500))) { }

        var log = app.LogText();
        Assert.Contains(@"HTTP GET /codes/a\u000d\u000a[00:00:00 INF] forged\u2028line responded ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("\n[00:00:00 INF] forged", log, StringComparison.Ordinal);
        var cut = "/codes/" + new string('x', LoggedPath.MaxChars - "/codes/".Length) + "…";
        Assert.Contains($"HTTP GET {cut} responded ", log, StringComparison.Ordinal);
    }

    /// <summary>content/ zipped, a page's text and a file's name carrying the marker.</summary>
    private static byte[] Archive(string marker)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ReferenceApp.RepositoryRoot(), "content")))
            {
                var text = File.ReadAllText(file).Replace("Percutaneous transluminal mechanical thrombectomy is", $"upload-{marker} is", StringComparison.Ordinal);
                using var writer = new StreamWriter(zip.CreateEntry("scrape/" + Path.GetFileName(file)).Open());
                writer.Write(text);
            }
            using var extra = new StreamWriter(zip.CreateEntry($"scrape/notes-{marker}.doc").Open());
            extra.Write("file-" + marker);
        }
        return stream.ToArray();
    }

    /// <summary>The values of the cookies a response sets (the sign-in ticket, the antiforgery cookie).</summary>
    private static IEnumerable<string> CookieValues(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Select(v => v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..]).Where(v => v.Length >= 16)
            : [];
}
