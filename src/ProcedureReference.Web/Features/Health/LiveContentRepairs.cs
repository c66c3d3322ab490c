using ProcedureReference.Publishing;
using ProcedureReference.Reading;
using ProcedureReference.Storage;
using ProcedureReference.Web.Admin;

namespace ProcedureReference.Web.Features.Health;

/// <summary>
/// Puts damaged live content right (<see cref="IContentStore.RepairLive"/>) at start and whenever a read fails
/// because the live content cannot be read, one check at a time; a repair is logged as an error and audited, and
/// the switch is made visible to this process at once.
/// </summary>
/// <remarks>The admin store is resolved only to audit a repair: opening it at every start would hold admin.db open for nothing.</remarks>
public sealed partial class LiveContentRepairs(IContentStore store, IContentVersions versions, IServiceProvider services, ILogger<LiveContentRepairs> logger) : IDisposable
{
    private const string Who = "site";
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The quick check before the first request is served, then every page of it in the background (too slow to wait for at 100,000 pages).</summary>
    public void AtStart()
    {
        Report(store.RepairLive(LiveCheck.Quick));
        _ = Task.Run(async () =>
        {
            try
            {
                await RepairAsync(LiveCheck.Full);
            }
            catch (ObjectDisposedException)
            {
                // The host stopped before the check began: the next start checks again.
            }
        });
    }

    /// <summary>After a read failed as unreadable: checks every page and repairs; what was found.</summary>
    public Task<LiveRepair> AfterReadFailureAsync() => RepairAsync(LiveCheck.Full);

    private async Task<LiveRepair> RepairAsync(LiveCheck check)
    {
        // Failing readers queue here without holding threads; the store answers the ones after the first from its last check.
        await _one.WaitAsync();
        try
        {
            return Report(await Task.Run(() => store.RepairLive(check)));
        }
        finally
        {
            _one.Release();
        }
    }

    private LiveRepair Report(LiveRepair outcome)
    {
        if (!outcome.FoundDamage) return outcome;
        if (outcome.State == LiveState.Repaired) versions.Refresh();
        LogDamage(logger, outcome.Describe());
        try
        {
            services.GetRequiredService<AdminAccounts>().Audit(Who, "repair live content", outcome.Damage ?? "", outcome.Describe());
        }
#pragma warning disable CA1031 // the audit is a record of the repair, never a reason for it to fail: the log has it
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogAuditFailed(logger, e);
        }
        return outcome;
    }

    public void Dispose() => _one.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Repair}")]
    private static partial void LogDamage(ILogger logger, string repair);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The repair of the live content could not be audited")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);
}

/// <summary>Where repairs start: at start, and when a request's read fails because the live content cannot be read.</summary>
public static class LiveContentRepairSetup
{
    public static WebApplication RepairLiveContent(this WebApplication app)
    {
        app.Services.GetRequiredService<LiveContentRepairs>().AtStart();
        return app;
    }

    /// <summary>The request's answer stays what it was (503); the repair runs first, so the next request reads intact content.</summary>
    public static IApplicationBuilder UseRepairAfterUnreadable(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (ContentUnreadableException)
            {
                await context.RequestServices.GetRequiredService<LiveContentRepairs>().AfterReadFailureAsync();
                throw;
            }
        });
    }
}
