using System.Text.Json;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>What every answer to a hostile request must be, whoever wrote it (the app or Kestrel).</summary>
public static class SafeResponse
{
    /// <summary>Markers of a payload that reached the page unencoded, of a leaked error, or of a file outside the site.</summary>
    private static readonly string[] Forbidden =
    [
        "<script>alert", "<img src=x", "<svg onload", "Exception", "   at ProcedureReference", "SQLite Error",
        "root:x:0:0", "[fonts]", "\"Serilog\"",
    ];

    public static void Check(string request, int status, IEnumerable<(string Name, string Value)> headers, string? contentType, string body)
    {
        var headerList = headers.ToList();
        Assert.True(status < 500, $"{request}: {status}\n{Head(body)}");
        Assert.DoesNotContain(headerList, h => h.Name.Equals("X-Injected", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headerList, h => h.Name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("injected", StringComparison.OrdinalIgnoreCase));
        foreach (var marker in Forbidden)
            Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{request}: the body holds '{marker}'\n{Head(body)}");

        // Kestrel's own rejections (400, 414, 431) have no body; whatever the app wrote has a body and its headers.
        if (body.Length == 0) return;
        Assert.Contains(headerList, h => h.Name.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(headerList, h => h.Name.Equals("X-Content-Type-Options", StringComparison.OrdinalIgnoreCase) && h.Value == "nosniff");
        // Dot segments can take a request out of /api/ (Kestrel resolves them as a URI parser does).
        if (new Uri(new Uri("http://localhost"), request).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) && status != 301)
        {
            Assert.True(contentType?.Contains("json", StringComparison.Ordinal), $"{request}: {contentType}");
            using var json = JsonDocument.Parse(body);
        }
    }

    private static string Head(string body) => body[..Math.Min(body.Length, 1500)];
}
