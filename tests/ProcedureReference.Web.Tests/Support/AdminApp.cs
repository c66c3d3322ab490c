using Microsoft.AspNetCore.Hosting;
using ProcedureReference.Accounts;
using ProcedureReference.Postgres;
using ProcedureReference.Sqlite;
using ProcedureReference.Testing;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>The app with admin accounts made before it starts, as `admin add` would, and room for many sign-ins.</summary>
public class AdminApp : ReferenceApp
{
    public const string Name = "alice";
    public const string Password = "correct horse battery";
    public const string LockableName = "mallory";
    public const int MaxFailedLogins = 3;

    public AdminApp() : this(Engine.Sqlite) { }

    protected AdminApp(Engine engine, PostgresServer? server = null) : base(engine, server)
    {
        var options = new AdminOptions
        {
            DatabasePath = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "admin.db"),
            KeysPath = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "keys"),
            UploadsPath = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "uploads"),
        };
        IAdminStore admins = engine == Engine.Postgres
            ? new PostgresAdminStore(new PostgresOptions { ConnectionString = PostgresConnectionString })
            : new SqliteAdminStore(options.DatabasePath);
        var store = new AdminAccounts(admins, options);
        Assert.True(store.Add(Name, Password));
        Assert.True(store.Add(LockableName, Password));
    }

    public string UploadsPath => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "uploads");

    /// <summary>Login attempts a minute (per client); the rate-limit test sets few.</summary>
    protected virtual int LoginAttemptsPerMinute => 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Admin:MaxFailedLogins", MaxFailedLogins.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Admin:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Room for the upload tests' many refused archives; the upload-limit test sets its own.
        builder.UseSetting("Admin:UploadsPerHour", "1000");
    }

    /// <summary>A client with its own cookies, signed in as <see cref="Name"/>.</summary>
    public async Task<AdminSession> SignInAsync()
    {
        var session = new AdminSession(CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        using var response = await session.SignInAsync(Name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}
