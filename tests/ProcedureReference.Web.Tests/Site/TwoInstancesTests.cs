using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Testing;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;
using Xunit.Abstractions;

namespace ProcedureReference.Web.Tests.Site;

/// <summary>
/// Two instances of the site on one PostgreSQL database, each on its own Kestrel port, with one browser's cookies
/// (cookies are not kept apart by port, as behind a proxy that spreads one host over both): a sign-in made on A
/// opens the admin area on B, and what an admin publishes through A, B serves.
/// </summary>
public class TwoInstancesTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_sign_in_on_one_instance_opens_the_admin_area_on_the_other_and_a_publish_through_one_is_served_by_the_other()
    {
        using var a = new ConfiguredApp(Engine.Postgres) { OnKestrel = true };
        using var b = new OtherInstance(a);
        var cookies = new CookieContainer();
        using var toA = Browser(a.ServerAddress(), cookies);
        using var toB = Browser(b.ServerAddress(), cookies);
        using var onA = new AdminSession(toA);

        using (var signIn = await onA.SignInAsync(AdminApp.Name, AdminApp.Password)) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using (var adminOnB = await toB.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, adminOnB.StatusCode);
            Assert.Contains($"Signed in as <strong>{AdminApp.Name}</strong>", await adminOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // B has served the page (and cached it) before the publish.
        var marker = "Shared edit " + Guid.NewGuid().ToString("N")[..6];
        Assert.DoesNotContain(marker, await toB.GetStringAsync("/codes/37188"), StringComparison.Ordinal);

        using (var upload = await UploadAsync(onA, ChangedScrape(marker))) Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var runner = a.Services.GetRequiredService<ImportRunner>();
        await runner.Current.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(runner.Status.LastSucceeded, runner.Status.LastMessage);
        var id = runner.Status.LastStagedId!;
        using (var publish = await onA.PostFormAsync($"/admin/imports/{id}?handler=Publish", $"/admin/imports/{id}", new() { ["confirm"] = "yes" }))
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var clock = Stopwatch.StartNew();

        // B hears the publish's notification (or polls for it): ask until it serves the new text. The deadline only
        // bounds a hang; the delay is measured and printed.
        var deadline = TimeSpan.FromMinutes(1);
        var served = false;
        while (!served && clock.Elapsed < deadline)
        {
            served = (await toB.GetStringAsync("/codes/37188")).Contains(marker, StringComparison.Ordinal);
            if (!served) await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
        output.WriteLine($"instance B served the publish made through A after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(served, $"B did not serve the publish within {deadline}");
        Assert.Contains(marker, await toB.GetStringAsync("/api/codes/37188"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task An_account_removed_on_the_command_line_is_signed_out_of_every_instance()
    {
        using var a = new ConfiguredApp(Engine.Postgres) { OnKestrel = true };
        using var b = new OtherInstance(a);
        var cookies = new CookieContainer();
        using var toA = Browser(a.ServerAddress(), cookies);
        using var toB = Browser(b.ServerAddress(), cookies);
        using var onA = new AdminSession(toA);
        using (var signIn = await onA.SignInAsync(AdminApp.Name, AdminApp.Password)) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using (var adminOnB = await toB.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, adminOnB.StatusCode);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Cli.CommandLine.Run(["admin", "remove", AdminApp.Name, "--Database:Provider=Postgres", "--ConnectionStrings:Postgres=" + a.PostgresConnectionString], stdout, stderr);
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");

        foreach (var instance in new[] { toA, toB })
        {
            using var admin = await instance.GetAsync("/admin");
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.Contains("/admin/login", admin.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    private static HttpClient Browser(Uri server, CookieContainer cookies) =>
#pragma warning disable CA2000 // the client owns and disposes its handler
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = server };
#pragma warning restore CA2000

    private static async Task<HttpResponseMessage> UploadAsync(AdminSession session, byte[] zip)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await session.TokenAsync("/admin")), "__RequestVerificationToken");
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "archive", "scrape.zip");
        return await session.Client.PostAsync("/admin/upload", form);
    }

    /// <summary>content/ zipped, with 37188's summary starting with <paramref name="marker"/>.</summary>
    private static byte[] ChangedScrape(string marker)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ReferenceApp.RepositoryRoot(), "content")))
            {
                var text = File.ReadAllText(file);
                if (Path.GetFileName(file) == "004_b058e552b792f92e.txt")
                    text = text.Replace("Percutaneous transluminal mechanical thrombectomy is", marker + " is", StringComparison.Ordinal);
                using var writer = new StreamWriter(zip.CreateEntry("scrape/" + Path.GetFileName(file)).Open());
                writer.Write(text);
            }
        return stream.ToArray();
    }
}
