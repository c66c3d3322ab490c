using System.ComponentModel.DataAnnotations;
using System.Runtime;
using System.Runtime.InteropServices;
using ProcedureReference.Storage;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Gives memory back once a burst of work is over. A burst of uncached searches at 100,000 pages left the site at
/// three times its starting memory for as long as it stayed idle: the GC kept the heap it had grown to (free space
/// in its regions, budgets sized for the burst), every pooled SQLite connection kept its page cache, and the C heap
/// kept what SQLite had freed. When no request has arrived for <see cref="MemoryOptions.IdleSeconds"/> and the site
/// has allocated since the last trim, this compacts the heap and decommits its free space, closes the idle pooled
/// SQLite connections (their caches with them; the next reader opens one in well under a millisecond, and the file
/// stays in the OS page cache), and returns the C heap's free pages. Never while a request is running.
/// </summary>
public static partial class MemoryTrim
{
    public static WebApplicationBuilder AddMemoryTrim(this WebApplicationBuilder builder)
    {
        MemoryOptions.Register(builder.Services);
        builder.Services.AddSingleton<RequestActivity>();
        builder.Services.AddHostedService<IdleTrimmer>();
        return builder;
    }

    /// <summary>Marks when requests arrive and how many are running; first in the pipeline, so it sees them all.</summary>
    public static WebApplication UseMemoryTrim(this WebApplication app)
    {
        var activity = app.Services.GetRequiredService<RequestActivity>();
        app.Use(async (context, next) =>
        {
            activity.Started();
            try
            {
                await next(context);
            }
            finally
            {
                activity.Finished();
            }
        });
        return app;
    }

    /// <summary>When the last request arrived or ended, and how many are running.</summary>
    public sealed class RequestActivity
    {
        private long _lastTicks = Environment.TickCount64;
        private int _running;

        public void Started()
        {
            Interlocked.Increment(ref _running);
            Volatile.Write(ref _lastTicks, Environment.TickCount64);
        }

        public void Finished()
        {
            Volatile.Write(ref _lastTicks, Environment.TickCount64);
            Interlocked.Decrement(ref _running);
        }

        /// <summary>No request running, and none arrived or ended within <paramref name="idle"/>.</summary>
        public bool IdleFor(TimeSpan idle) =>
            Volatile.Read(ref _running) == 0 && Environment.TickCount64 - Volatile.Read(ref _lastTicks) >= (long)idle.TotalMilliseconds;
    }

    /// <summary>Checks a few times per idle period; trims once per burst (again only after more allocation).</summary>
    private sealed partial class IdleTrimmer(MemoryOptions options, RequestActivity activity, IStorageEngine? engine, ILogger<IdleTrimmer> logger) : BackgroundService
    {
        /// <summary>Allocation since the last trim below which there is nothing worth giving back.</summary>
        private const long MinimumAllocatedBytes = 64L * 1024 * 1024;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (!options.TrimWhenIdle) return;
            var idle = TimeSpan.FromSeconds(options.IdleSeconds);
            using var timer = new PeriodicTimer(idle / 4);
            var allocatedAtTrim = 0L;
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    if (!activity.IdleFor(idle) || GC.GetTotalAllocatedBytes() - allocatedAtTrim < MinimumAllocatedBytes) continue;
                    var before = Environment.WorkingSet;
                    Trim(engine);
                    allocatedAtTrim = GC.GetTotalAllocatedBytes();
                    LogTrimmed(logger, before >> 20, Environment.WorkingSet >> 20);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down.
            }
        }

        [LoggerMessage(Level = LogLevel.Debug, Message = "Idle: memory trimmed from {BeforeMB} MB to {AfterMB} MB")]
        private static partial void LogTrimmed(ILogger logger, long beforeMB, long afterMB);
    }

    /// <summary>Compacts the heap and decommits its free space, lets the engine drop its idle connections, returns the C heap's free pages.</summary>
    public static void Trim(IStorageEngine? engine)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        engine?.ReleaseIdleMemory();
        TrimNativeHeap();
    }

    private static bool _nativeTrimMissing;

    /// <summary>glibc's malloc_trim; nothing elsewhere (musl, macOS, Windows have no such call or need none).</summary>
    private static void TrimNativeHeap()
    {
        if (_nativeTrimMissing || !OperatingSystem.IsLinux()) return;
        try
        {
            _ = MallocTrim(0); // 1 if memory was returned, 0 if there was none to return: either is fine.
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _nativeTrimMissing = true;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one blittable call.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}

/// <summary>The <c>Memory</c> section.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>Give memory back after a burst (see <see cref="MemoryTrim"/>).</summary>
    public bool TrimWhenIdle { get; set; } = true;

    [Range(1, 3600, ErrorMessage = "a whole number of seconds from 1 to 3600 (an hour)")]
    public int IdleSeconds { get; set; } = 10;

    /// <summary>
    /// The output cache's size (pages, searches, suggestions, API answers until the next publish): the least used
    /// are evicted past it. ASP.NET Core's default is 100 MB, which a site at 100,000 pages fills and keeps.
    /// </summary>
    [Range(1, 4096, ErrorMessage = "a whole number of megabytes from 1 to 4096")]
    public int OutputCacheMegabytes { get; set; } = 64;

    public static void Register(IServiceCollection services) => services.AddSettings<MemoryOptions>(Section);
}
