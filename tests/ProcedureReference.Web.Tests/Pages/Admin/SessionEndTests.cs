using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureReference.Web.Cli;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>
/// A session ends on the server, not only in the browser: a cookie copied before a sign-out, a removal or a new
/// password no longer opens /admin nor the admin API (each test has an app of its own, since each ends alice's sessions).
/// </summary>
public abstract class SessionEndTests(Engine engine)
{
    private const string NewPassword = "a brand new password";

    [EngineFact]
    public async Task A_cookie_saved_before_sign_out_no_longer_opens_the_admin_area_nor_its_api_and_every_session_of_the_account_ends()
    {
        using var app = new ConfiguredApp(engine);
        var (session, jar) = await SignInAsync(app);
        using var _ = session;
        using var other = await app.SignInAsync();
        var saved = jar.Header;
        await AssertOpensAsync(app, saved);

        using (var signOut = await session.PostFormAsync("/admin/logout", "/admin", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("/admin/login", signOut.Headers.Location!.ToString());
        }

        await AssertRefusedAsync(app, saved);
        using var otherAfter = await other.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, otherAfter.StatusCode);
    }

    [EngineFact]
    public async Task A_cookie_saved_before_the_account_is_removed_on_the_command_line_no_longer_opens_the_admin_area_nor_its_api()
    {
        using var app = new ConfiguredApp(engine);
        var (session, jar) = await SignInAsync(app);
        using var _ = session;
        var saved = jar.Header;
        await AssertOpensAsync(app, saved);

        Assert.Equal(0, Admin(app, "", "remove", AdminApp.Name));

        await AssertRefusedAsync(app, saved);
    }

    [EngineFact]
    public async Task A_cookie_saved_before_a_password_change_on_the_command_line_no_longer_opens_the_admin_area_nor_its_api()
    {
        using var app = new ConfiguredApp(engine);
        var (session, jar) = await SignInAsync(app);
        using var _ = session;
        var saved = jar.Header;
        await AssertOpensAsync(app, saved);

        Assert.Equal(0, Admin(app, NewPassword + "\n", "passwd", AdminApp.Name));

        await AssertRefusedAsync(app, saved);
        using var again = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        using (var old = await again.SignInAsync(AdminApp.Name, AdminApp.Password)) Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using (var changed = await again.SignInAsync(AdminApp.Name, NewPassword)) Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    /// <summary>
    /// A cookie made with the server's own keys (as by someone who read the keys, or issued before security stamps),
    /// for an account that never existed, without a stamp, or with a stamp that is not the account's: none gets in.
    /// </summary>
    [EngineTheory]
    [InlineData("nobody", null)]
    [InlineData(AdminApp.Name, null)]
    [InlineData(AdminApp.Name, "not-the-accounts-stamp")]
    public async Task A_cookie_signed_with_the_servers_keys_without_the_accounts_current_stamp_is_refused(string name, string? stamp)
    {
        using var app = new ConfiguredApp(engine);
        List<System.Security.Claims.Claim> claims = [new(System.Security.Claims.ClaimTypes.Name, name)];
        if (stamp is not null) claims.Add(new("procref:security-stamp", stamp));
        var ticket = new AuthenticationTicket(
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)),
            CookieAuthenticationDefaults.AuthenticationScheme);
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Protect(ticket);

        await AssertRefusedAsync(app, "procref-admin=" + cookie);
    }

    private static async Task<(AdminSession Session, CookieJar Jar)> SignInAsync(AdminApp app)
    {
#pragma warning disable CA2000 // the client owns the jar as its handler; the session owns the client
        var jar = new CookieJar();
        var session = new AdminSession(app.CreateDefaultClient(new Uri("http://localhost"), jar));
#pragma warning restore CA2000
        using var response = await session.SignInAsync(AdminApp.Name, AdminApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (session, jar);
    }

    /// <summary>The real `admin` verb on the app's own database, as an operator on the server would run it.</summary>
    private static int Admin(ReferenceApp app, string stdin, params string[] args)
    {
        string[] database = app.Engine == Engine.Postgres
            ? ["--Database:Provider=Postgres", "--ConnectionStrings:Postgres=" + app.PostgresConnectionString]
            : ["--db", app.DatabasePath];
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(["admin", .. args, .. database], new Terminal(input, InputRedirected: true, stdout, stderr));
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        return exit;
    }

    private static HttpClient Replay(AdminApp app, string cookies)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        return client;
    }

    private static async Task AssertOpensAsync(AdminApp app, string cookies)
    {
        using var client = Replay(app, cookies);
        using var page = await client.GetAsync("/admin");
        using var api = await client.GetAsync("/admin/api/import-status");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    private static async Task AssertRefusedAsync(AdminApp app, string cookies)
    {
        using var client = Replay(app, cookies);
        using var page = await client.GetAsync("/admin");
        using var api = await client.GetAsync("/admin/api/import-status");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/admin/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}

public sealed class SqliteSessionEndTests() : SessionEndTests(Engine.Sqlite);

public sealed class PostgresSessionEndTests() : SessionEndTests(Engine.Postgres), IOnPostgres;
