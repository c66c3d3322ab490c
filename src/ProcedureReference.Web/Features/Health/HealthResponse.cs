using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProcedureReference.Web.Features.Health;

/// <summary>/health's body: {"status":"ok"}, or {"status":"unhealthy","reason":"..."} with the 503.</summary>
public static class HealthResponse
{
    /// <summary>Said for a check that failed in a way it did not describe itself (its exception's text is for the log only).</summary>
    private const string UnknownReason = "the content check failed";

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "ok" }));
        var failed = report.Entries.Values.FirstOrDefault(e => e.Status != HealthStatus.Healthy);
        var reason = failed.Exception is null or Storage.StorageException ? failed.Description ?? UnknownReason : UnknownReason;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "unhealthy", reason }));
    }
}
