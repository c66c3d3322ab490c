using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcedureReference.Publishing;
using ProcedureReference.Reading;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Features.Health;

/// <summary>
/// /health's check: the live content can be read through the storage seam and holds pages. Content that cannot be
/// read is repaired if a kept version is intact, and read again: healthy once intact content is served, 503 while none can be.
/// </summary>
public sealed class LiveContentHealthCheck(IContentReader reader, LiveContentRepairs repairs, IServiceScopeFactory scopes) : IHealthCheck
{
    public const string Name = "live-content";

    private const string UnreadableReason = "The live content cannot be read.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var first = await ReadAsync(reader, cancellationToken);
        if (first.Status == HealthStatus.Healthy || first.Exception is not ContentUnreadableException) return first;
        var repair = await repairs.AfterReadFailureAsync();
        // Only a repair is worth a second read: with the content intact the failure was elsewhere (a server that is
        // down, say), and reading again would only double the wait.
        if (repair.State != LiveState.Repaired) return first;
        // The request's reader holds the damaged file open: the content put back is read through a reader of its own.
        using var scope = scopes.CreateScope();
        return await ReadAsync(scope.ServiceProvider.GetRequiredService<IContentReader>(), cancellationToken);
    }

    private static async Task<HealthCheckResult> ReadAsync(IContentReader reader, CancellationToken cancellationToken)
    {
        try
        {
            var pages = await reader.PageCountAsync(cancellationToken);
            return pages > 0
                ? HealthCheckResult.Healthy($"{pages} pages")
                : HealthCheckResult.Unhealthy("the reference holds no pages");
        }
        catch (StorageException e)
        {
            // The domain's message, never the engine's: it is shown to whoever asks.
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
#pragma warning disable CA1031 // a check fails closed: whatever stops the content being read makes the instance unhealthy
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            // A failure the engine did not put in the domain's words (seen once: a file overwritten while a pooled
            // connection was being replaced): still unreadable content, said the same way.
            return HealthCheckResult.Unhealthy(UnreadableReason, new ContentUnreadableException(UnreadableReason, e));
        }
    }
}
