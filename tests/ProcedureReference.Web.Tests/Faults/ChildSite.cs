using System.Net.Sockets;
using ProcedureReference.Sqlite;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>The site itself run in a child process on real Kestrel, on a free loopback port, with an admin who can sign in.</summary>
public sealed class ChildSite : IDisposable
{
    public const string Name = "alice";
    public const string Password = "correct horse battery";

    private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false, UseCookies = true };

    private ChildSite(ChildProcess process, Uri address)
    {
        Process = process;
        Client = new HttpClient(_handler) { BaseAddress = address, Timeout = ChildProcess.Budget };
    }

    public ChildProcess Process { get; }
    public HttpClient Client { get; }

    /// <summary>Starts the site on <paramref name="database"/> (which exists: no first-start import), paused at <paramref name="pauseAt"/> if given.</summary>
    public static async Task<ChildSite> StartAsync(string database, string content, string? pauseAt)
    {
        var data = Path.GetDirectoryName(database)!;
        var options = new AdminOptions
        {
            DatabasePath = Path.Combine(data, "admin.db"),
            KeysPath = Path.Combine(data, "keys"),
            UploadsPath = Path.Combine(data, "uploads"),
        };
        var admins = new AdminAccounts(new SqliteAdminStore(options.DatabasePath), options);
        admins.Add(Name, Password);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = ChildProcess.Start(data, [$"--Database:Path={database}", $"--Content:Path={content}", $"--Urls={address}"], pauseAt);
        await process.WaitForLineAsync("Now listening on");
        return new ChildSite(process, address);
    }

    /// <summary>A client signed in as the admin, through the real login form.</summary>
    public async Task<AdminSession> SignInAsync()
    {
        var session = new AdminSession(Client);
        using var response = await session.SignInAsync(Name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
        Process.Dispose();
    }
}
