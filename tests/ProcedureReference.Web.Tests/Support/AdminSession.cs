using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>A browser-like admin client: keeps cookies, reads each form's antiforgery token from the page it posts from.</summary>
public sealed partial class AdminSession(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public void Dispose() => client.Dispose();

    public async Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        await PostFormAsync("/admin/login", "/admin/login", new() { ["Name"] = name, ["Password"] = password });

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"no antiforgery token on {page}");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(formPage);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, form);
    }

    /// <summary>Posts <paramref name="zip"/> as the upload form does (to <paramref name="url"/>, /admin/upload unless a test spells it otherwise).</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] zip, string fileName = "scrape.zip", string url = "/admin/upload")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await TokenAsync("/admin")), "__RequestVerificationToken");
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "archive", fileName);
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
