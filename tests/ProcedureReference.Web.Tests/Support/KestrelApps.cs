using System.Net;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// The app on real Kestrel on a free 127.0.0.1 port instead of the in-memory test server: requests pass Kestrel's
/// parser and its size limits, as in production. Reach it with <see cref="ReferenceApp.ServerAddress"/>.
/// </summary>
public class KestrelApp : ReferenceApp
{
    public KestrelApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
}

/// <inheritdoc cref="KestrelApp"/>
public class KestrelAdminApp : AdminApp
{
    public KestrelAdminApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>A client of the Kestrel server with its own cookies, signed in as <see cref="AdminApp.Name"/>.</summary>
    public async Task<AdminSession> SignInOverKestrelAsync()
    {
#pragma warning disable CA2000 // the session owns and disposes the client, which owns its handler
        var session = new AdminSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = ServerAddress() });
#pragma warning restore CA2000
        using var response = await session.SignInAsync(Name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}
