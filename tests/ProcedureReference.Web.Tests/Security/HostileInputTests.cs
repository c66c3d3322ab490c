using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// Every public endpoint, attacked with every hostile value, over real Kestrel with a raw socket (the bytes an
/// attacker sends, unnormalised): never a 5xx, never the payload unencoded, never an injected header, never a file
/// from outside the site; the app's answers carry the security headers and the API's are JSON.
/// </summary>
public class HostileInputTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [MemberData(nameof(HostileRequests.EveryEndpointWithEveryValue), MemberType = typeof(HostileRequests))]
    public async Task Hostile_values_get_a_normal_answer(string endpoint, string value)
    {
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, endpoint, value);

        var response = await RawHttp.SendAsync(app.ServerAddress(), target);

        SafeResponse.Check(target, response.Status, response.Headers, response.Header("Content-Type"), response.Body);
    }

    public static TheoryData<string, string, string> HostileHeaders() => new()
    {
        { "/", "User-Agent", new string('u', 7_000) + "<script>alert(1)</script>" },
        { "/search?q=clot", "User-Agent", new string('u', 40_000) },
        { "/search?q=clot", "Referer", "https://evil.example/<script>alert(1)</script>" },
        { "/codes/37188", "Cookie", "procref-admin=not-a-ticket; .AspNetCore.Antiforgery.x=%%%; a=<script>alert(1)</script>" },
        { "/admin/login", "Cookie", "procref-admin=" + new string('A', 4_000) },
        { "/api/search?q=clot", "Accept", "../../../../etc/passwd{{<script>alert(1)</script>" },
        { "/api/codes/37188", "Accept-Language", "<script>alert(1)</script>;q=2" },
        { "/robots.txt", "X-Forwarded-Host", "evil.example" },
        { "/search?q=clot", "X-Forwarded-For", "' OR 1=1 --" },
        { "/css/site.css", "Range", "bytes=" + string.Join(',', Enumerable.Range(0, 500).Select(i => $"{i * 2}-{i * 2 + 1}")) },
        { "/css/site.css", "If-None-Match", new string('"', 5_000) },
        { "/", "User-Agent", "a\u0001b\u007fc" },
        { "/api/suggest?q=cl", "Content-Type", "multipart/form-data; boundary=" + new string('-', 5_000) },
    };

    [Theory]
    [MemberData(nameof(HostileHeaders))]
    public async Task Hostile_headers_get_a_normal_answer(string path, string header, string value)
    {
        var response = await RawHttp.SendAsync(app.ServerAddress(), path, headers: [(header, value)]);

        SafeResponse.Check(path, response.Status, response.Headers, response.Header("Content-Type"), response.Body);
        Assert.DoesNotContain("evil.example", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("OPTIONS", "*")]
    [InlineData("PROPFIND", "/codes/37188")]
    [InlineData("DELETE", "/api/codes/37188")]
    [InlineData("PUT", "/api/search?q=clot")]
    [InlineData("POST", "/search?q=clot")]
    [InlineData("POST", "/api/suggest?q=clot")]
    [InlineData("GET", "http://evil.example/codes/37188")]
    public async Task Other_methods_and_request_forms_get_a_normal_answer(string method, string target)
    {
        var response = await RawHttp.SendAsync(app.ServerAddress(), target, method, body: method is "POST" or "PUT" ? "q=<script>alert(1)</script>" : null);

        SafeResponse.Check(target, response.Status, response.Headers, response.Header("Content-Type"), response.Body);
        // TRACE is not echoed (a page may answer it as it answers GET, but never with the request's own headers).
        Assert.DoesNotContain("Connection: close", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/css/..%2F..%2Fappsettings.json")]
    [InlineData("/css/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/..%2Fappsettings.json")]
    [InlineData("/appsettings.json")]
    [InlineData("/ProcedureReference.Web.dll")]
    [InlineData("/js/..%5C..%5Cappsettings.json")]
    [InlineData("/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    public async Task Static_files_never_come_from_outside_wwwroot(string target)
    {
        var response = await RawHttp.SendAsync(app.ServerAddress(), target);

        Assert.True(response.Status is 404 or 400, $"{target}: {response.Status}");
        SafeResponse.Check(target, response.Status, response.Headers, response.Header("Content-Type"), response.Body);
    }
}

/// <summary>
/// Values longer than Kestrel's request line (which answers 414 before the app sees them) sent through the
/// in-memory server, so that the app's own handling of 10,000 and 100,000 characters is what is tested.
/// </summary>
public class LongInputTests(ReferenceApp app) : IClassFixture<ReferenceApp>
{
    [Theory]
    [MemberData(nameof(HostileRequests.EveryEndpointWithLongValues), MemberType = typeof(HostileRequests))]
    public async Task Very_long_values_reach_the_app_and_get_a_normal_answer(string endpoint, string value)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, endpoint, value));
        var body = await response.Content.ReadAsStringAsync();

        var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => (h.Key, v)));
        SafeResponse.Check(endpoint.Replace("{0}", "x", StringComparison.Ordinal), (int)response.StatusCode, headers, response.Content.Headers.ContentType?.ToString(), body);
    }
}
