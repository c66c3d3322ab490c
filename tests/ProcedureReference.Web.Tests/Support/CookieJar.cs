namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// A client's cookies where a test can read them: sends what it holds, keeps what the server sets. A test copies
/// them (<see cref="Header"/>) to replay a session later, as someone who copied a cookie would.
/// </summary>
public sealed class CookieJar : DelegatingHandler
{
    private static readonly Uri Site = new("http://localhost/admin");

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every cookie this client would send to /admin, as a Cookie header.</summary>
    public string Header => Cookies.GetCookieHeader(Site);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = new Uri(Site, request.RequestUri!);
        if (Cookies.GetCookieHeader(uri) is { Length: > 0 } cookies) request.Headers.Add("Cookie", cookies);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set) Cookies.SetCookies(uri, cookie);
        return response;
    }
}
