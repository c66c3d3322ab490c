using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Security;

/// <summary>
/// Work cancelled on a reader's behalf while that reader is still there: the output cache runs one request for
/// everyone asking the same page at once, under the token of the first, so when that client leaves, the others
/// waiting on it get its cancellation. Those readers get a 503 to retry, and the log a one-line warning, not a 500
/// with a stack trace (seen in the cluster check as '500 other' while PostgreSQL restarted under load).
/// </summary>
public sealed class CancelledWorkTests
{
    private const string Path = "/cancelled-elsewhere";

    [Theory]
    [InlineData(Path, "text/html")]
    [InlineData("/api" + Path, "application/problem+json")]
    public async Task Work_cancelled_for_another_reader_is_a_503_and_a_warning_not_a_500(string url, string mediaType)
    {
        using var app = new ConfiguredApp { MoreServices = services => services.AddTransient<IStartupFilter, CancelledWorkFilter>() };
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        if (mediaType == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        }
        var log = app.LogText();
        Assert.DoesNotContain("failed (500)", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        Assert.Contains("was cancelled before it could be answered", log, StringComparison.Ordinal);
    }

    /// <summary>Behind every endpoint: a request no endpoint takes ends in a cancellation that is not its own.</summary>
    private sealed class CancelledWorkFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path.Value!.EndsWith(Path, StringComparison.Ordinal)
                ? throw new OperationCanceledException("cancelled with the client whose request this one was waiting on")
                : Task.CompletedTask);
        };
    }
}
