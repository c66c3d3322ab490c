using ProcedureReference.Reading;
using ProcedureReference.Search;
using ProcedureReference.Storage;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Builds the EF model, runs the code page query, and builds the search's in-memory tables (which start the
/// spelling vocabulary) once in the background while the server starts: the first reader otherwise waits for them
/// (about a second on this machine; more at 100,000 pages), and a clinician's first page is often the one a search
/// engine sent them to.
/// </summary>
public static partial class Warmup
{
    public static WebApplication WarmUp(this WebApplication app)
    {
        var services = app.Services;
        _ = Task.Run(async () =>
        {
            try
            {
                using var scope = services.CreateScope();
                var reader = scope.ServiceProvider.GetRequiredService<IContentReader>();
                var codes = await reader.CodesAsync(CancellationToken.None);
                if (codes.Count > 0) await reader.FindAsync(codes[0], CancellationToken.None);
                // The search's in-memory page table and the type-ahead index, built once before readers need them.
                var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
                index.Search(new SearchQuery("procedure"));
                index.Suggest("pro");
            }
            catch (Exception e) when (e is StorageException or InvalidOperationException or IOException)
            {
                LogWarmupFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup"), e.Message);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up skipped: {Reason}")]
    private static partial void LogWarmupFailed(ILogger logger, string reason);
}
