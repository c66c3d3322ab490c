using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcedureReference.Reading;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Features.Health;

/// <summary>/health's check: the live content can be read through the storage seam and holds pages.</summary>
public sealed class LiveContentHealthCheck(IContentReader reader) : IHealthCheck
{
    public const string Name = "live-content";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
    }
}
