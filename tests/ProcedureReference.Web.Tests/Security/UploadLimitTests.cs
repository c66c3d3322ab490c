using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// The upload limit (Admin:UploadsPerHour) counts by the page that runs, so no spelling of the path or of a
/// handler name gets an upload past it. Each spelling posts a damaged archive, which the upload page refuses and
/// audits: the audit counts the uploads that reached it.
/// </summary>
public class UploadLimitTests
{
    private const int PerHour = 3;

    /// <summary>The upload page, spelled as routing still finds it.</summary>
    private static readonly string[] UploadSpellings =
    [
        "/admin/upload", "/ADMIN/UPLOAD", "/Admin/Upload/", "/admin/upload?handler=Upload", "/admin/upload?handler=upload&handler=UPLOAD",
        "/admin/Upload?HANDLER=x", "/admin/%75pload", "/admin/upload/?handler=",
    ];

    /// <summary>The old handler's spellings on /admin, which must not reach an upload at all now.</summary>
    private static readonly string[] OldSpellings =
    [
        "/admin?handler=Upload", "/admin?handler=upload", "/admin?handler=UPLOAD", "/admin?handler=Upload&handler=Upload",
        "/admin?handler=x&handler=Upload", "/admin/?handler=upload", "/ADMIN?Handler=Upload",
    ];

    [Fact]
    public async Task No_spelling_of_the_path_or_the_handler_gets_more_uploads_through_than_the_limit()
    {
        using var app = new ConfiguredApp(("Admin:UploadsPerHour", PerHour.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var session = await app.SignInAsync();
        var accounts = app.Services.GetRequiredService<AdminAccounts>();
        int Uploads() => accounts.RecentAudit(1000).Count(e => e.Action == "stage import");
        var damaged = MalformedArchives.All["end record: entry count one more"];

        var answers = new List<(string Url, HttpStatusCode Status)>();
        foreach (var url in UploadSpellings.Concat(OldSpellings).Concat(UploadSpellings))
        {
            using var response = await session.UploadAsync(damaged, "limited.zip", url);
            answers.Add((url, response.StatusCode));
        }

        // Each request to the upload page counts, whether it reaches the upload (422 for this archive) or is sent to
        // sign in (a path in other case than the cookie's /admin); past the limit every spelling is 429.
        var onUploadPage = answers.Where(a => UploadSpellings.Contains(a.Url)).ToList();
        Assert.InRange(Uploads(), 1, PerHour);
        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{a.Url}: {a.Status}"));
        Assert.Equal(PerHour, onUploadPage.Count(a => a.Status != HttpStatusCode.TooManyRequests));
        Assert.All(onUploadPage.Skip(PerHour), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.All(answers.Where(a => OldSpellings.Contains(a.Url)), a => Assert.True(a.Status is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{a.Url}: {a.Status}"));
    }

    [Fact]
    public async Task The_old_handler_spellings_on_the_admin_home_never_reach_an_upload()
    {
        using var app = new ConfiguredApp();
        using var session = await app.SignInAsync();
        var accounts = app.Services.GetRequiredService<AdminAccounts>();

        foreach (var url in OldSpellings)
        {
            using var response = await session.UploadAsync(MalformedArchives.Valid(), "old.zip", url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
        }

        Assert.DoesNotContain(accounts.RecentAudit(1000), e => e.Action == "stage import");
        Assert.False(app.Services.GetRequiredService<ImportRunner>().Status.Running);
    }
}
