using AngleSharp;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>Who gets into /admin: only a signed-in admin, with the right password, through forms that carry their token.</summary>
public abstract class LoginTests(AdminApp app)
{
    private HttpClient Anonymous() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [EngineTheory]
    [InlineData("/admin")]
    [InlineData("/admin/imports/20260101-000000-deadbeef")]
    public async Task Admin_pages_send_a_stranger_to_the_login_page(string url)
    {
        using var client = Anonymous();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/admin/login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task The_admin_api_answers_a_stranger_401_as_problem_details_not_a_page()
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.GetAsync("/admin/api/import-status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("requestId").GetString()));
    }

    [EngineTheory]
    [InlineData("/admin?handler=ImportFolder")]
    [InlineData("/admin?handler=Rollback")]
    [InlineData("/admin/imports/20260101-000000-deadbeef?handler=Publish")]
    public async Task Admin_actions_are_refused_to_a_stranger(string url)
    {
        using var client = Anonymous();

        using var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task The_right_password_opens_the_admin_page()
    {
        using var session = await app.SignInAsync();

        var page = await session.Client.GetStringAsync("/admin");

        Assert.Contains($"Signed in as <strong>{AdminApp.Name}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", page, StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task A_wrong_password_fails_and_repeated_failures_lock_the_account_even_against_the_right_one()
    {
        using var session = new AdminSession(Anonymous());

        for (var i = 1; i < AdminApp.MaxFailedLogins; i++)
        {
            using var wrong = await session.SignInAsync(AdminApp.LockableName, "not the password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var last = await session.SignInAsync(AdminApp.LockableName, "not the password");
        using var right = await session.SignInAsync(AdminApp.LockableName, AdminApp.Password);

        Assert.Contains("locked", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var admin = await session.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    /// <summary>A guesser learns nothing from the answer: a locked account (even with its right password) reads as a missing one.</summary>
    [EngineFact]
    public async Task A_locked_account_and_a_missing_one_get_the_same_status_and_words()
    {
        using var session = new AdminSession(Anonymous());
        for (var i = 0; i < AdminApp.MaxFailedLogins; i++)
            using (await session.SignInAsync(AdminApp.LockableName, "not the password")) { }

        using var locked = await session.SignInAsync(AdminApp.LockableName, AdminApp.Password);
        using var missing = await session.SignInAsync("nobody-at-all", AdminApp.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(missing.StatusCode, locked.StatusCode);
        var lockedText = await VisibleTextAsync(locked);
        Assert.Equal(await VisibleTextAsync(missing), lockedText);
        Assert.Contains(ProcedureReference.Web.Pages.Admin.LoginModel.Failed, lockedText, StringComparison.Ordinal);
    }

    private static async Task<string> VisibleTextAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
        return document.Body!.TextContent;
    }

    [EngineFact]
    public async Task An_unknown_name_fails_like_a_wrong_password()
    {
        using var session = new AdminSession(Anonymous());

        using var response = await session.SignInAsync("nobody", AdminApp.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("do not match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Found by wapiti (tests/security): an empty name used to reach the code as null and answer 500.</summary>
    [EngineTheory]
    [InlineData("", "")]
    [InlineData("", AdminApp.Password)]
    [InlineData("nobody", "")]
    public async Task An_empty_name_or_password_fails_like_a_wrong_password(string name, string password)
    {
        using var session = new AdminSession(Anonymous());

        using var response = await session.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("do not match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Found by wapiti: a form that cannot be read (a NUL in a value) is a 400, and the error page said 500.</summary>
    [EngineFact]
    public async Task A_sign_in_form_that_cannot_be_read_is_a_bad_request_not_a_server_error()
    {
        using var session = new AdminSession(Anonymous());
        var token = await session.TokenAsync("/admin/login");

        using var response = await session.Client.PostAsync("/admin/login", new StringContent(
            $"Name=%2Fe%00&Password=x&__RequestVerificationToken={Uri.EscapeDataString(token)}",
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Status 400", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [EngineFact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        using var session = await app.SignInAsync();

        using var response = await session.Client.PostAsync("/admin?handler=ImportFolder", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [EngineFact]
    public async Task A_sign_in_without_its_antiforgery_token_is_refused()
    {
        using var client = Anonymous();

        using var response = await client.PostAsync("/admin/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = AdminApp.Name, ["Password"] = AdminApp.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [EngineFact]
    public async Task Signing_out_ends_the_session()
    {
        using var session = await app.SignInAsync();

        using var signOut = await session.PostFormAsync("/admin/logout", "/admin", []);
        using var after = await session.Client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [EngineFact]
    public async Task Sign_ins_are_written_to_the_audit_log()
    {
        using var session = await app.SignInAsync();

        var audit = await session.Client.GetStringAsync("/admin");

        Assert.Matches($"<td>{AdminApp.Name}</td><td>sign in</td><td>[^<]*</td><td>Succeeded</td>", audit);
    }
}

public sealed class SqliteLoginTests(AdminApp app) : LoginTests(app), IClassFixture<AdminApp>;

public sealed class PostgresLoginTests(PostgresAdminApp app) : LoginTests(app), IClassFixture<PostgresAdminApp>, IOnPostgres;

/// <summary>With no admin account at all, the login page says how to make one; there is no default account.</summary>
public abstract class NoAdminTests(ReferenceApp app)
{
    [EngineFact]
    public async Task The_login_page_says_how_to_create_the_first_admin()
    {
        var page = await app.GetDocumentAsync("/admin/login");

        Assert.Contains("admin add NAME", page.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=Password]"));
    }
}

public sealed class SqliteNoAdminTests(ReferenceApp app) : NoAdminTests(app), IClassFixture<ReferenceApp>;

public sealed class PostgresNoAdminTests(PostgresReferenceApp app) : NoAdminTests(app), IClassFixture<PostgresReferenceApp>, IOnPostgres;

/// <summary>Login attempts are rate-limited per client.</summary>
public class LoginRateLimitTests(LoginRateLimitTests.FewLoginsApp app) : IClassFixture<LoginRateLimitTests.FewLoginsApp>
{
    public sealed class FewLoginsApp : AdminApp
    {
        protected override int LoginAttemptsPerMinute => 3;
    }

    [Fact]
    public async Task Past_the_limit_a_login_gets_429_with_retry_after()
    {
        using var session = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await session.SignInAsync("nobody", "wrong password");
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }
}
