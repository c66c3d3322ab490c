using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>
/// A hurried admin cannot publish by accident, over real HTTP on each engine: an import that removes many codes
/// leads its review with a warning and needs the number confirmed on the server, an unchanged one says "no changes"
/// and cannot be published, publish and rollback need their confirmation, and the admin home shows what is true now.
/// Each test leaves the live content as it found it, since the tests of a class share one app.
/// </summary>
public abstract class PublishSafetyTests(AdminApp app) : IDisposable
{
    private const string EditedSentence = "Percutaneous transluminal mechanical thrombectomy is";
    private const string RemovedFile = "000_36cba762d94ce8c5.txt"; // 78458
    private readonly string _folders = Path.Combine(Path.GetTempPath(), "pr-safety-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folders)) Directory.Delete(_folders, recursive: true);
        GC.SuppressFinalize(this);
    }

    private IContentStore Store => app.Services.GetRequiredService<IContentStore>();

    /// <summary>A copy of the app's content folder, changed by <paramref name="change"/>.</summary>
    private string ContentCopy(Action<string>? change = null)
    {
        var folder = Path.Combine(_folders, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(app.ContentPath)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        change?.Invoke(folder);
        return folder;
    }

    private static void Edit(string folder, string marker)
    {
        var page = Path.Combine(folder, "004_b058e552b792f92e.txt");
        File.WriteAllText(page, File.ReadAllText(page).Replace(EditedSentence, marker + " is", StringComparison.Ordinal));
    }

    private StagedImport Stage(string folder)
    {
        var (staged, report) = Store.Stage(new ImportOptions(folder), AdminApp.Name, "test folder");
        Assert.True(staged is not null, report.FatalError);
        return staged;
    }

    private static string Publish(string id) => $"/admin/imports/{id}?handler=Publish";

    private static string Review(string id) => $"/admin/imports/{id}";

    /// <summary>Makes <paramref name="number"/> live again, as the test found it.</summary>
    private void Restore(int? number)
    {
        if (number is { } n && Store.Versions().LiveNumber != n) Assert.True(Store.Rollback(n, "test").Succeeded);
    }

    [EngineFact]
    public async Task A_review_that_removes_many_codes_leads_with_the_warning_and_publish_needs_the_number_confirmed()
    {
        using var session = await app.SignInAsync();
        var live = Store.Versions().LiveNumber;
        var staged = Stage(ContentCopy(folder => File.Delete(Path.Combine(folder, RemovedFile))));
        try
        {
            var review = await session.Client.GetStringAsync(Review(staged.Id));
            var warning = review.IndexOf("data-removal-warning", StringComparison.Ordinal);
            Assert.True(warning > 0, "no removal warning");
            Assert.True(warning < review.IndexOf("handler=Publish", StringComparison.Ordinal), "the warning does not lead the review");
            Assert.Contains("removes 1 of the 5 live codes (20%)", review, StringComparison.Ordinal);
            Assert.Contains("name=\"removals\" value=\"1\" required", review, StringComparison.Ordinal);

            // Ticking only the publish box, or confirming another number, is refused by the server: nothing goes live.
            foreach (var fields in new[] { new Dictionary<string, string> { ["confirm"] = "yes" }, new() { ["confirm"] = "yes", ["removals"] = "2" } })
            {
                using var refused = await session.PostFormAsync(Publish(staged.Id), Review(staged.Id), fields);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal(Review(staged.Id), refused.Headers.Location?.OriginalString);
                Assert.Equal(live, Store.Versions().LiveNumber);
                await app.GetDocumentAsync("/codes/78458");
            }
            Assert.Contains("more than the 10%", await session.Client.GetStringAsync(Review(staged.Id)), StringComparison.Ordinal);

            using var confirmed = await session.PostFormAsync(Publish(staged.Id), Review(staged.Id), new() { ["confirm"] = "yes", ["removals"] = "1" });
            Assert.Equal("/admin", confirmed.Headers.Location?.OriginalString);
            Assert.NotEqual(live, Store.Versions().LiveNumber);
            await app.GetDocumentAsync("/codes/78458", HttpStatusCode.NotFound);
        }
        finally
        {
            Store.Discard(staged.Id);
            Restore(live);
        }
    }

    [EngineFact]
    public async Task An_unchanged_import_says_no_changes_and_cannot_be_published()
    {
        using var session = await app.SignInAsync();
        var before = Store.Versions();
        var staged = Stage(ContentCopy());
        try
        {
            var review = await session.Client.GetStringAsync(Review(staged.Id));
            Assert.Contains("No changes", review, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=Publish", review, StringComparison.Ordinal);

            using var publish = await session.PostFormAsync(Publish(staged.Id), Review(staged.Id), new() { ["confirm"] = "yes" });
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
            Assert.Equal(before.LiveNumber, Store.Versions().LiveNumber);
            Assert.Equal(before.Versions.Count, Store.Versions().Versions.Count);
            Assert.Contains("nothing to publish", await session.Client.GetStringAsync(Review(staged.Id)), StringComparison.Ordinal);
        }
        finally
        {
            Store.Discard(staged.Id);
        }
    }

    [EngineFact]
    public async Task Publish_without_its_confirmation_is_refused_by_the_server()
    {
        using var session = await app.SignInAsync();
        var live = Store.Versions().LiveNumber;
        var staged = Stage(ContentCopy(folder => Edit(folder, "Unconfirmed edit")));
        try
        {
            Assert.Contains("name=\"confirm\" value=\"yes\" required", await session.Client.GetStringAsync(Review(staged.Id)), StringComparison.Ordinal);

            using var publish = await session.PostFormAsync(Publish(staged.Id), Review(staged.Id), []);

            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
            Assert.Equal(live, Store.Versions().LiveNumber);
            Assert.NotNull(Store.FindStaged(staged.Id));
            Assert.Contains("tick the box that confirms the publish", await session.Client.GetStringAsync(Review(staged.Id)), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Store.Discard(staged.Id);
        }
    }

    [EngineFact]
    public async Task Rollback_without_its_confirmation_is_refused_by_the_server()
    {
        using var session = await app.SignInAsync();
        var live = Store.Versions().LiveNumber;
        var (_, published) = Store.ImportAndPublish(new ImportOptions(ContentCopy(folder => Edit(folder, "Rollback edit " + Guid.NewGuid().ToString("N")[..6]))), "test", "edit");
        Assert.True(published?.Succeeded, published?.Message);
        var now = Store.Versions().LiveNumber;
        try
        {
            var previous = Store.Versions().Versions.First(v => v.Number != now).Number;
            var version = previous.ToString(CultureInfo.InvariantCulture);
            Assert.Contains($"name=\"confirm\" value=\"v{version}\" required", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);

            foreach (var fields in new[] { new Dictionary<string, string> { ["version"] = version }, new() { ["version"] = version, ["confirm"] = "v999" } })
            {
                using var refused = await session.PostFormAsync("/admin?handler=Rollback", "/admin", fields);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal(now, Store.Versions().LiveNumber);
            }

            using var confirmed = await session.PostFormAsync("/admin?handler=Rollback", "/admin", new() { ["version"] = version, ["confirm"] = $"v{version}" });
            Assert.Equal(previous, Store.Versions().LiveNumber);
        }
        finally
        {
            Restore(live);
        }
    }

    [EngineFact]
    public async Task The_admin_home_shows_the_last_import_only_while_it_waits_for_review()
    {
        using var session = await app.SignInAsync();
        var live = Store.Versions().LiveNumber;
        var page = Path.Combine(app.ContentPath, "004_b058e552b792f92e.txt");
        var original = await File.ReadAllTextAsync(page);
        string id;
        try
        {
            await File.WriteAllTextAsync(page, original.Replace(EditedSentence, "Home edit " + Guid.NewGuid().ToString("N")[..6] + " is", StringComparison.Ordinal));
            using (var import = await session.PostFormAsync("/admin?handler=ImportFolder", "/admin", [])) Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
            var runner = app.Services.GetRequiredService<ImportRunner>();
            await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
            id = runner.Status.LastStagedId!;
            Assert.True(id is not null, runner.Status.LastMessage);
        }
        finally
        {
            await File.WriteAllTextAsync(page, original);
        }
        try
        {
            var waiting = await session.Client.GetStringAsync("/admin");
            Assert.Contains("Last import", waiting, StringComparison.Ordinal);
            Assert.Contains($"/admin/imports/{id}", waiting, StringComparison.Ordinal);

            using (var publish = await session.PostFormAsync(Publish(id), Review(id), new() { ["confirm"] = "yes" })) Assert.Equal("/admin", publish.Headers.Location?.OriginalString);

            var after = await session.Client.GetStringAsync("/admin");
            Assert.DoesNotContain("Last import", after, StringComparison.Ordinal);
            Assert.Contains($"Live now: v{Store.Versions().LiveNumber}", after, StringComparison.Ordinal);
        }
        finally
        {
            Store.Discard(id);
            Restore(live);
        }
    }

    [EngineFact]
    public async Task While_an_import_runs_its_progress_shows_once_the_import_buttons_are_disabled_and_a_second_is_refused()
    {
        using var session = await app.SignInAsync();
        // A named pipe among the pages holds the import at that file until the test writes to it: running, for sure.
        var pipe = Path.Combine(app.ContentPath, "zzz-held.txt");
        using (var mkfifo = Process.Start("mkfifo", pipe)) await mkfifo.WaitForExitAsync();
        var runner = app.Services.GetRequiredService<ImportRunner>();
        try
        {
            using (var import = await session.PostFormAsync("/admin?handler=ImportFolder", "/admin", [])) Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
            Assert.True(runner.Status.Running);

            var running = await session.Client.GetStringAsync("/admin");
            Assert.Equal(1, CountOf(running, "Importing from"));
            Assert.Matches("<fieldset class=\"import-forms\" disabled=\"disabled\">", running);

            using (var second = await session.PostFormAsync("/admin?handler=ImportFolder", "/admin", [])) Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Contains("An import is running already", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
        }
        finally
        {
            await File.WriteAllTextAsync(pipe, "");
            await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
            File.Delete(pipe);
            if (runner.Status.LastStagedId is { } id) Store.Discard(id);
        }
        Assert.DoesNotContain("disabled=\"disabled\"", await session.Client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

public sealed class SqlitePublishSafetyTests(AdminApp app) : PublishSafetyTests(app), IClassFixture<AdminApp>;

public sealed class PostgresPublishSafetyTests(PostgresAdminApp app) : PublishSafetyTests(app), IClassFixture<PostgresAdminApp>, IOnPostgres;
