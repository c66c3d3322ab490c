using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>Removing an account ends its sessions at their next request, not when their cookies expire.</summary>
public abstract class AccountRemovalTests(Engine engine)
{
    [EngineFact]
    public async Task A_removed_accounts_signed_in_session_is_sent_to_the_login_page()
    {
        using var app = new ConfiguredApp(engine);
        using var session = await app.SignInAsync();
        using (var before = await session.Client.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        Assert.True(app.Services.GetRequiredService<AdminAccounts>().Remove(AdminApp.Name));

        using var after = await session.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/admin/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteAccountRemovalTests() : AccountRemovalTests(Engine.Sqlite);

public sealed class PostgresAccountRemovalTests() : AccountRemovalTests(Engine.Postgres), IOnPostgres;
