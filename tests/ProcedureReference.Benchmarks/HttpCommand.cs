using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ProcedureReference.Benchmarks;

/// <summary>
/// `http --base URL --queries FILE [--suggest] [--concurrency 8] [--timeout 10] [--seed N] [--pid PID [--settle S]]`:
/// asks a running site each query of FILE once (`/search?q=`; with --suggest, `/api/suggest?q=` on one fresh
/// prefix of each), with that many requests in flight, and prints p50/p99/max per kind, the slowest and the
/// non-2xx count. The site output-caches answers until the next publish, so a list cycled by wrk measures the
/// cache; asking each once measures the work. With --pid, also the site's resident memory (VmRSS in
/// /proc/PID/status): before, at its peak during the run (sampled every 100 ms), at the end, then every second for
/// S seconds after (the value S seconds after, and the least).
/// </summary>
public static class HttpCommand
{
    private const string Usage = "usage: http --base URL --queries FILE [--suggest] [--concurrency 8] [--timeout 10] [--seed N] [--pid PID [--settle SECONDS]]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        string? baseUrl = null, queries = null;
        int concurrency = 8, timeout = 10, seed = BenchData.Seed, pid = 0, settle = 0;
        var suggest = false;
        var rest = new List<string>();
        foreach (var arg in args) if (arg == "--suggest") suggest = true; else rest.Add(arg);
        args = [.. rest];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var ok = args[i] switch
            {
                "--base" => (baseUrl = args[i + 1]) is not null,
                "--queries" => (queries = args[i + 1]) is not null,
                "--concurrency" => Positive(args[i + 1], out concurrency),
                "--timeout" => Positive(args[i + 1], out timeout),
                "--seed" => int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed),
                "--pid" => Positive(args[i + 1], out pid),
                "--settle" => int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out settle),
                _ => false,
            };
            if (!ok) { errors.WriteLine($"http: unexpected '{args[i]} {args[i + 1]}'. {Usage}"); return 2; }
        }
        if (baseUrl is null || queries is null || args.Length % 2 != 0) { errors.WriteLine(Usage); return 2; }

        var list = RandomQueries.ReadTsv(queries);
        var asked = suggest ? RandomQueries.Prefixes(list, seed) : list;
        var paths = asked.Select(q => (q.Kind, q.Text, Path: (suggest ? "/api/suggest?q=" : "/search?q=") + Uri.EscapeDataString(q.Text))).ToList();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(timeout) };
        var before = pid > 0 ? Rss(pid) : 0;
        long peak = before;
        using var done = new CancellationTokenSource();
        var sampler = pid > 0 ? Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            try { while (await timer.WaitForNextTickAsync(done.Token)) peak = Math.Max(peak, Rss(pid)); }
            catch (OperationCanceledException) { }
        }) : Task.CompletedTask;

        var samples = new LatencyCommand.Sample[paths.Count];
        int next = -1, non2xx = 0, failed = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < paths.Count)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(paths[i].Path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref non2xx);
                        if (non2xx <= 5) await errors.WriteLineAsync($"http: {(int)response.StatusCode} for {paths[i].Path}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    await errors.WriteLineAsync($"http: {e.GetType().Name} for {paths[i].Path}: {e.Message}");
                }
                samples[i] = new LatencyCommand.Sample(paths[i].Kind, paths[i].Text, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        wall.Stop();
        await done.CancelAsync();
        await sampler;

        var operation = suggest ? "suggest" : "search";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Over HTTP ({baseUrl}): {paths.Count} {operation} requests, each asked once, {concurrency} in flight, in {wall.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine("| operation | kind | samples | p50 ms | p99 ms | max ms |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        LatencyCommand.Print(output, operation, [.. samples]);
        output.WriteLine($"non-2xx: {non2xx}, failed: {failed}");
        output.WriteLine($"Slowest {operation} requests (ms): " + LatencyCommand.Slowest([.. samples]));
        if (pid > 0)
        {
            var end = Rss(pid);
            long least = end, last = end;
            for (var s = 0; s < settle && Rss(pid) > 0; s++)
            {
                await Task.Delay(1000);
                last = Rss(pid);
                least = Math.Min(least, last);
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory MB: before {Mb(before)}, peak {Mb(peak)}, at the end {Mb(end)}, {settle} s after {Mb(last)}, least after {Mb(least)}"));
        }
        return 0;
    }

    private static bool Positive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>The resident set of process <paramref name="pid"/> in KB (VmRSS), 0 once it is gone.</summary>
    private static long Rss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return 0;
    }

    private static string Mb(long kb) => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}
