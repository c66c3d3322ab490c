using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Benchmarks;

/// <summary>
/// `latency --db FILE --content DIR --queries FILE [--rounds N]`: search and suggest latency in-process over a
/// fixed query list (tests/bench/queries.tsv), as the site runs them (synonyms and code ranges from DIR). One
/// warm-up round, then N timed rounds; prints p50 and p99 per query kind and over all, one table row each, and the
/// slowest queries. With `--random COUNT [--seed S]` instead of `--queries`, the queries are drawn afresh from the
/// generated corpus DIR (<see cref="RandomQueries"/>): a warm-up draw of its own, then each round a fresh draw (seed
/// S + round), each query asked once; suggest on one fresh prefix of each.
/// With the site's `--Database:Provider=Postgres --ConnectionStrings:Postgres=...` (no --db) it measures the
/// PostgreSQL engine instead, its search index built as the site builds it (the engine's reading services, with the
/// content-version listener running, so a search reads the live version from a field as it does on the site).
/// </summary>
public static class LatencyCommand
{
    private const string Usage = "usage: latency (--db FILE | --Database:Provider=Postgres --ConnectionStrings:Postgres=CONN) --content DIR (--queries FILE | --random COUNT [--seed S]) [--rounds N]";

    /// <summary>Suggest is timed on what a user has typed so far: these prefix lengths of each query.</summary>
    private static readonly int[] TypedLengths = [2, 4, 7, 12];

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? db = null, content = null, queries = null, provider = null, connection = null;
        var rounds = 5;
        int random = 0, seed = BenchData.Seed;
        // The site's own spelling of the engine settings, one argument each (`--Key=value`), as `import` takes them.
        var rest = new List<string>();
        foreach (var arg in args)
        {
            if (arg.StartsWith("--Database:Provider=", StringComparison.OrdinalIgnoreCase)) provider = arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..];
            else if (arg.StartsWith("--ConnectionStrings:Postgres=", StringComparison.OrdinalIgnoreCase)) connection = arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..];
            else rest.Add(arg);
        }
        args = [.. rest];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--db": db = args[i + 1]; break;
                case "--content": content = args[i + 1]; break;
                case "--queries": queries = args[i + 1]; break;
                case "--random" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out random) && random > 0: break;
                case "--seed" when int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed): break;
                case "--rounds" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out rounds) && rounds > 0: break;
                default: errors.WriteLine($"latency: unexpected '{args[i]}'. {Usage}"); return 2;
            }
        }
        var postgres = string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);
        if (provider is not null && !postgres && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            errors.WriteLine($"latency: Database:Provider is Sqlite or Postgres, not '{provider}'. {Usage}");
            return 2;
        }
        if ((postgres ? string.IsNullOrWhiteSpace(connection) || db is not null : db is null) || content is null || (queries is null) == (random == 0) || args.Length % 2 != 0)
        {
            errors.WriteLine(Usage);
            return 2;
        }

        var synonyms = Synonyms.Load(Path.Combine(content, "synonyms.csv"));
        var categories = CodeCategories.Load(Path.Combine(content, "cpt-ranges.csv"));
        using var engine = postgres ? PostgresEngine.Start(connection!, synonyms, categories) : null;
        ISearchIndex index;
        if (engine is not null) index = engine.Index;
        else
        {
            var options = new SqliteOptions { DatabasePath = db!, AdminDatabasePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db!))!, "admin.db") };
            index = new SqliteSearchIndex(options, new SqliteContentVersions(options), synonyms, categories);
        }
        List<Sample> search, suggest;
        string what;
        if (random > 0)
        {
            // Each query asked once: a warm-up draw of its own, then a fresh draw per round.
            var warm = RandomQueries.Draw(content, random, seed - 1);
            Time(warm, 1, q => index.Search(new SearchQuery(q)).Total);
            Time(RandomQueries.Prefixes(warm, seed - 1), 1, q => index.Suggest(q).Count);
            search = []; suggest = [];
            for (var round = 0; round < rounds; round++)
            {
                var draw = RandomQueries.Draw(content, random, seed + round);
                search.AddRange(Time(draw, 1, q => index.Search(new SearchQuery(q)).Total));
                suggest.AddRange(Time(RandomQueries.Prefixes(draw, seed + round), 1, q => index.Suggest(q).Count));
            }
            what = $"{rounds} fresh draws of {random} random queries (seed {seed}+), each asked once after a warm-up draw, suggest on one fresh prefix of each";
        }
        else
        {
            var list = RandomQueries.ReadTsv(queries!);
            var typed = list.SelectMany(q => TypedLengths.Where(n => n <= q.Text.Length).Select(n => (q.Kind, Text: q.Text[..n]))).Distinct().ToList();
            Time(list, 1, q => index.Search(new SearchQuery(q)).Total);
            Time(typed, 1, q => index.Suggest(q).Count);
            search = Time(list, rounds, q => index.Search(new SearchQuery(q)).Total);
            suggest = Time(typed, rounds, q => index.Suggest(q).Count);
            what = $"{list.Count} queries, {typed.Count} typed prefixes, {rounds} rounds after one warm-up";
        }

        output.WriteLine($"Latency in-process ({(postgres ? "PostgreSQL" : "SQLite")}): {what}");
        output.WriteLine("| operation | kind | samples | p50 ms | p99 ms | max ms |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        Print(output, "search", search);
        Print(output, "suggest", suggest);
        output.WriteLine();
        output.WriteLine("Slowest searches (median ms): " + Slowest(search));
        output.WriteLine("Slowest suggestions (median ms): " + Slowest(suggest));
        return 0;
    }

    internal readonly record struct Sample(string Kind, string Text, double Ms);

    private static List<Sample> Time(List<(string Kind, string Text)> queries, int rounds, Func<string, int> run)
    {
        var samples = new List<Sample>(queries.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                run(q.Text);
                samples.Add(new Sample(q.Kind, q.Text, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            }
        }
        return samples;
    }

    /// <summary>The 8 slowest queries by the median of their samples, with their kind.</summary>
    internal static string Slowest(List<Sample> samples) =>
        string.Join(", ", samples.GroupBy(s => (s.Kind, s.Text))
            .Select(g => (g.Key.Kind, g.Key.Text, Ms: Percentile([.. g.Select(s => s.Ms).Order()], 0.5)))
            .OrderByDescending(q => q.Ms).Take(8)
            .Select(q => string.Create(CultureInfo.InvariantCulture, $"'{q.Text}' ({q.Kind}) {q.Ms:0.0}")));

    internal static void Print(TextWriter output, string operation, List<Sample> samples)
    {
        foreach (var group in samples.GroupBy(s => s.Kind).Append(samples.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(s => s.Ms).Order().ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {operation} | {group.Key} | {sorted.Length} | {Percentile(sorted, 0.50):0.00} | {Percentile(sorted, 0.99):0.00} | {sorted[^1]:0.00} |"));
        }
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    internal static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// The PostgreSQL engine's reading side as the site registers it (<see cref="PostgresStorage.AddPostgresReading"/>
    /// with the site's default options), its hosted content-version listener started; stopped on dispose.
    /// </summary>
    private sealed class PostgresEngine : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly List<IHostedService> _hosted;

        private PostgresEngine(ServiceProvider services)
        {
            _services = services;
            _hosted = [.. services.GetServices<IHostedService>()];
            foreach (var service in _hosted) service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            Index = services.GetRequiredService<ISearchIndex>();
        }

        public ISearchIndex Index { get; }

        public static PostgresEngine Start(string connection, Synonyms synonyms, CodeCategories categories)
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(new PostgresOptions { ConnectionString = connection })
                .AddSingleton(synonyms)
                .AddSingleton(categories)
                .AddPostgresReading()
                .BuildServiceProvider();
            return new PostgresEngine(services);
        }

        public void Dispose()
        {
            foreach (var service in _hosted) service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            _services.Dispose();
        }
    }
}
