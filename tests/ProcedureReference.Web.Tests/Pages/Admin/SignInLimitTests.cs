using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>
/// The sign-in limit counts sign-in attempts only, by the endpoint that runs whatever its spelling, and says so in
/// its own words. Each test has an app of its own: the limit's budget is per client, and the test server's one.
/// </summary>
public sealed class SignInLimitTests
{
    private const int Attempts = 3;

    private static ConfiguredApp FewSignIns() => new(("Admin:LoginAttemptsPerMinute", Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Signing_out_does_not_count_against_the_sign_in_limit()
    {
        using var app = FewSignIns();
        using var session = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

        for (var i = 0; i < Attempts; i++)
        {
            using var signIn = await session.SignInAsync(AdminApp.Name, AdminApp.Password);
            using var signOut = await session.PostFormAsync("/admin/logout", "/admin", []);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }
    }

    [Fact]
    public async Task Past_the_limit_the_page_speaks_of_signing_in_not_of_searching()
    {
        using var app = FewSignIns();
        using var session = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        for (var i = 0; i < Attempts; i++)
            using (await session.SignInAsync("nobody", "wrong password")) { }

        using var limited = await session.SignInAsync("nobody", "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("You can sign in again in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("search again", page, StringComparison.Ordinal);
    }

    /// <summary>Every spelling that reaches the sign-in page spends the same budget.</summary>
    [Fact]
    public async Task Every_spelling_of_the_sign_in_path_shares_one_budget()
    {
        using var app = FewSignIns();
        using var session = new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var fields = new Dictionary<string, string> { ["Name"] = "nobody", ["Password"] = "wrong password" };
        var codes = new List<HttpStatusCode>();
        foreach (var url in new[] { "/ADMIN/LOGIN", "/admin/login/", "/Admin/Login?handler=x", "/admin/login", "/aDmIn/lOgIn/" })
        {
            using var response = await session.PostFormAsync(url, "/admin/login", new(fields));
            codes.Add(response.StatusCode);
        }

        Assert.Equal(Attempts, codes.Count(code => code != HttpStatusCode.TooManyRequests));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes[Attempts..]);
    }
}

/// <summary>
/// The lockout holds under a crowd: 32 wrong passwords sent together over HTTP get at most as many answers that were
/// not a lock as failures it takes to lock. The page's words are the same either way, so the audit's outcomes count.
/// </summary>
public abstract class ConcurrentSignInTests(Engine engine)
{
    private const int LockAfter = 5;
    private const int Together = 32;

    [EngineFact]
    public async Task Wrong_passwords_sent_together_get_at_most_five_answers_that_were_not_a_lock()
    {
        using var app = new ConfiguredApp(engine, ("Admin:MaxFailedLogins", LockAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var sessions = Enumerable.Range(0, Together).Select(_ => new AdminSession(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }))).ToList();
        try
        {
            // Every form is fetched first, so that the posts themselves go out together.
            var tokens = await Task.WhenAll(sessions.Select(session => session.TokenAsync("/admin/login")));
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posts = sessions.Select(async (session, i) =>
            {
                await go.Task;
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Name"] = AdminApp.Name, ["Password"] = "wrong password " + i, ["__RequestVerificationToken"] = tokens[i],
                });
                using var response = await session.Client.PostAsync("/admin/login", form);
                return response.StatusCode;
            }).ToList();
            go.SetResult();
            var codes = await Task.WhenAll(posts);

            Assert.All(codes, code => Assert.Equal(HttpStatusCode.Unauthorized, code));
            var outcomes = app.Services.GetRequiredService<AdminAccounts>().RecentAudit(1000)
                .Where(entry => entry is { Action: "sign in", Who: AdminApp.Name }).Select(entry => entry.Result).ToList();
            Assert.Equal(Together, outcomes.Count);
            Assert.InRange(outcomes.Count(result => result == nameof(LoginOutcome.Invalid)), 0, LockAfter);
            Assert.Equal(LoginOutcome.LockedOut, app.Services.GetRequiredService<AdminAccounts>().Verify(AdminApp.Name, AdminApp.Password));
        }
        finally
        {
            foreach (var session in sessions) session.Dispose();
        }
    }
}

public sealed class SqliteConcurrentSignInTests() : ConcurrentSignInTests(Engine.Sqlite);

public sealed class PostgresConcurrentSignInTests() : ConcurrentSignInTests(Engine.Postgres), IOnPostgres;
