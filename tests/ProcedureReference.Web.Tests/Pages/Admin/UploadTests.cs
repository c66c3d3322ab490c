using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>
/// POST /admin/upload over real HTTP: every malformed archive is a calm 4xx page, audited, with nothing left in the
/// uploads folder; a good one is staged and leaves nothing either. On both engines (the audit is the store's).
/// </summary>
public abstract class UploadTests(AdminApp app)
{
    private bool UploadsEmpty => !Directory.Exists(app.UploadsPath) || !Directory.EnumerateFileSystemEntries(app.UploadsPath).Any();

    private string Leftovers => Directory.Exists(app.UploadsPath) ? string.Join(", ", Directory.EnumerateFileSystemEntries(app.UploadsPath)) : "";

    [EngineTheory]
    [MemberData(nameof(MalformedArchives.Names), MemberType = typeof(MalformedArchives))]
    public async Task A_malformed_archive_is_a_4xx_page_that_says_why_is_audited_and_leaves_nothing(string name)
    {
        using var session = await app.SignInAsync();
        var fileName = $"case-{Guid.NewGuid():N}.zip";

        using var upload = await session.UploadAsync(MalformedArchives.All[name], fileName);
        var page = await upload.Content.ReadAsStringAsync();

        Assert.True((int)upload.StatusCode is >= 400 and < 500, $"{name}: {upload.StatusCode}");
        Assert.Matches("<p class=\"notice error\" role=\"alert\">(The archive was refused: |The upload is empty)", page);
        Assert.Contains("<h1>Upload refused</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.Contains(app.Services.GetRequiredService<AdminAccounts>().RecentAudit(20),
            entry => entry.Detail == "upload " + fileName && entry.Result.StartsWith("refused: ", StringComparison.Ordinal));
        Assert.True(UploadsEmpty, $"{name}: left {Leftovers}");
    }

    [EngineFact]
    public async Task A_form_without_a_file_is_a_400_page_and_a_get_goes_to_the_admin_home()
    {
        using var session = await app.SignInAsync();

        using var empty = await session.PostFormAsync("/admin/upload", "/admin", []);
        using var get = await session.Client.GetAsync("/admin/upload");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Choose a .zip file of pages to upload.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/admin", get.Headers.Location?.OriginalString);
    }

    [EngineFact]
    public async Task A_good_archive_is_staged_and_its_upload_leaves_nothing_once_the_import_ends()
    {
        using var session = await app.SignInAsync();

        using var upload = await session.UploadAsync(MalformedArchives.Valid(), "small.zip");
        var runner = app.Services.GetRequiredService<ImportRunner>();
        await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal("/admin", upload.Headers.Location?.OriginalString);
        Assert.True(runner.Status.LastSucceeded, runner.Status.LastMessage);
        Assert.True(UploadsEmpty, Leftovers);
    }

    [EngineFact]
    public async Task An_upload_without_signing_in_is_sent_to_sign_in_and_writes_nothing()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(MalformedArchives.Valid()), "archive", "anon.zip" } };

        using var response = await client.PostAsync("/admin/upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.True(UploadsEmpty, Leftovers);
    }
}

public sealed class SqliteUploadTests(AdminApp app) : UploadTests(app), IClassFixture<AdminApp>;

public sealed class PostgresUploadTests(PostgresAdminApp app) : UploadTests(app), IClassFixture<PostgresAdminApp>, IOnPostgres;
