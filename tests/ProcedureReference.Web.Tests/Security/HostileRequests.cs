namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// Every public endpoint, with a slot for a hostile value, and the values: as they travel on the wire (already
/// percent-encoded where that is the attack; raw where the raw bytes are).
/// </summary>
public static class HostileRequests
{
    /// <summary>Each public URL, with {0} where an attacker's value goes (path segment, query value, or both).</summary>
    public static readonly string[] Endpoints =
    [
        "/?q={0}",
        "/search?q={0}",
        "/search?q=clot&system={0}&category={0}&section={0}&page={0}",
        "/codes/{0}",
        "/browse?system={0}&category={0}&page={0}",
        "/api/codes/{0}",
        "/api/search?q={0}",
        "/api/search?q=clot&system={0}&category={0}&section={0}&page={0}",
        "/api/suggest?q={0}",
        "/compare?codes={0}",
        "/compare?codes=37188,{0}",
        "/api/compare?codes={0}",
        "/api/compare?codes=37188,{0}",
        "/infobutton?mainSearchCriteria.v.c={0}&mainSearchCriteria.v.cs={0}&knowledgeResponseType={0}",
        "/infobutton?mainSearchCriteria.v.c={0}&mainSearchCriteria.v.cs=2.16.840.1.113883.6.12&knowledgeResponseType=application/json",
        "/sitemap.xml?x={0}",
        "/robots.txt?x={0}",
        "/health?x={0}",
        "/openapi/v1.json?x={0}",
        "/admin/login?ReturnUrl={0}",
        "/error/{0}",
        "/css/{0}",
    ];

    /// <summary>Values that fit in a request line: encodings, traversal, SQL, FTS5, HTML, header injection, odd numbers.</summary>
    public static readonly string[] Values =
    [
        // Invalid UTF-8 and odd percent-encodings: a lone continuation, bytes never valid, NUL, an overlong '/',
        // an encoded surrogate, a code point past U+10FFFF, broken and double escapes, IIS-style %u.
        "%C3%28", "%FF", "%FF%FE%FD", "%00", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%", "%%32%65", "%u002e", "%E2%80%AE",
        // Path traversal, raw, encoded, double-encoded and with backslashes.
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cwindows%5cwin.ini",
        "..%252f..%252fetc%252fpasswd", "....//....//etc/passwd", "%2e%2e/%2e%2e/appsettings.json",
        // SQL.
        "'%20OR%201=1%20--", "%22;%20DROP%20TABLE%20pages;%20--", "1'%20UNION%20SELECT%20sqlite_version()--", "37188'%20--",
        // FTS5 syntax.
        "NEAR(", "NEAR(clot%20leg,%202)", "title:x", "*", "%22", "AND%20OR%20NOT", "%5E", "(((%22", "%7Brisks%7D:x", "clot*%20-leg",
        // HTML and script, encoded and raw.
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "<script>alert(1)</script>", "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
        "javascript:alert(1)", "%27%3E%3Csvg%20onload=alert(1)%3E",
        // Response header injection: CRLF, and the UTF-8 characters whose low bytes are CR and LF.
        "%0d%0aSet-Cookie:%20injected=1", "%0d%0aX-Injected:%20yes", "%E5%98%8A%E5%98%8DX-Injected:%20yes", "%0aX-Injected:%20yes",
        // Numbers and odd text.
        "-1", "99999999999999999999", "0x7fffffff", "NaN", "%F0%9F%98%80", "%EF%BB%BF", "%20%20%20",
        // Longer than the request line allows (Kestrel answers 414 itself).
        new string('a', 10_000), string.Concat(Enumerable.Repeat("%3Cscript%3E", 9_000)),
    ];

    /// <summary>Values too long for Kestrel's request line, sent to the in-memory server so that they reach the app.</summary>
    public static readonly string[] LongValues =
    [
        new string('a', 10_000),
        new string('a', 100_000),
        string.Concat(Enumerable.Repeat("%3Cscript%3Ealert(1)%3C%2Fscript%3E", 1_000)),
        string.Concat(Enumerable.Repeat("%F0%9F%98%80", 10_000)),
        // No %00: the in-memory server refuses a NUL in the path on the client side (Kestrel answers 400).
        string.Concat(Enumerable.Repeat("%C3%28%FF%FE", 5_000)),
        string.Concat(Enumerable.Repeat("clot%20", 15_000)),
    ];

    public static TheoryData<string, string> EveryEndpointWithEveryValue() => Cross(Values);

    public static TheoryData<string, string> EveryEndpointWithLongValues() => Cross(LongValues);

    private static TheoryData<string, string> Cross(string[] values)
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
            foreach (var value in values)
                data.Add(endpoint, value);
        return data;
    }
}
