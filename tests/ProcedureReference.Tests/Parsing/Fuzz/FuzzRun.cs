using System.Diagnostics;
using System.Globalization;

namespace ProcedureReference.Tests.Parsing.Fuzz;

/// <summary>
/// Runs generated pages through the parser for a time budget and checks each: it does not throw, finishes
/// within <see cref="PerInputBudget"/>, allocates at most <see cref="AllocationFactor"/> times its size (plus
/// <see cref="AllocationSlack"/>), and keeps every line (<see cref="LineConservation"/>). Case n of a seed is
/// always the same page, so a failure names what makes it again; it is shrunk (lines, then characters,
/// deleted while it still fails the same way) before it is shown.
/// </summary>
public sealed class FuzzRun(int seed, TimeSpan budget, int minimumCases)
{
    public static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(10);
    public const long AllocationFactor = 128;
    public const long AllocationSlack = 4 * 1024 * 1024;
    private static readonly TimeSpan ShrinkBudget = TimeSpan.FromSeconds(20);

    /// <summary>From PROCREF_FUZZ_SEED and PROCREF_FUZZ_SECONDS (the whole fuzz test's budget), else the defaults.</summary>
    public static (int Seed, TimeSpan Total) Settings(int defaultSeed, double defaultSeconds)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PROCREF_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : defaultSeed;
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("PROCREF_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : defaultSeconds;
        return (seed, TimeSpan.FromSeconds(seconds));
    }

    public int Cases { get; private set; }
    public long LargestInput { get; private set; }
    /// <summary>The most a page of 64 KB or more allocated, as a multiple of its size (smaller ones are dominated by fixed costs).</summary>
    public double WorstAllocationRatio { get; private set; }
    public TimeSpan SlowestParse { get; private set; }

    /// <summary>Null when every case held; else the seed, the case and the shrunk input with what failed.</summary>
    public async Task<string?> RunAsync(string kind, Func<Random, FuzzInput> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < minimumCases || clock.Elapsed < budget; n++)
        {
            var input = generate(new Random(CaseSeed(n)));
            var failure = await FailureOfAsync(input, record: true);
            Cases = n + 1;
            if (failure is null) continue;
            var shrunk = await ShrinkAsync(input, failure);
            var shrunkFailure = await FailureOfAsync(shrunk, record: false) ?? failure;
            return $"""
                parser fuzz ({kind}) failed at case {n} of seed {seed} (PROCREF_FUZZ_SEED={seed}): {shrunkFailure.Message}
                shrunk from {input.Size:N0} to {shrunk.Size:N0} bytes:
                {shrunk.Describe()}
                """;
        }
        return null;
    }

    private int CaseSeed(int n) => unchecked(seed * 1_000_003 + n);

    private sealed record Failure(string Category, string Message);

    private async Task<Failure?> FailureOfAsync(FuzzInput input, bool record)
    {
        // Each parse on a thread of its own: one that never ends is reported and left behind, without
        // starving the thread pool that the next cases and the time-out itself run on.
        var parsing = new TaskCompletionSource<(ProcedureReference.Parsing.ParsedPage Page, long Allocated, TimeSpan Elapsed)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var page = input.Parse();
                parsing.SetResult((page, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed));
            }
#pragma warning disable CA1031 // handed to the waiting test, which reports it
            catch (Exception e)
#pragma warning restore CA1031
            {
                parsing.SetException(e);
            }
        }) { IsBackground = true, Name = "fuzz parse" };
        thread.Start();
        try
        {
            var (page, allocated, elapsed) = await parsing.Task.WaitAsync(PerInputBudget);
            if (record)
            {
                LargestInput = Math.Max(LargestInput, input.Size);
                if (input.Size >= 64 * 1024) WorstAllocationRatio = Math.Max(WorstAllocationRatio, (double)allocated / input.Size);
                if (elapsed > SlowestParse) SlowestParse = elapsed;
            }
            if (allocated > AllocationFactor * input.Size + AllocationSlack)
                return new("allocation", $"parsing {input.Size:N0} bytes allocated {allocated:N0} bytes, over {AllocationFactor} times its size plus {AllocationSlack:N0}");
            var text = input.DecodedText;
            if (text is null)
                return page.Errors.Count == 1 && page.Sections.Count == 0 ? null : new("refusal", "bytes that are no text must be refused with one error");
            return LineConservation.Check(text, page) is { } broken ? new("lines", broken) : null;
        }
        catch (TimeoutException)
        {
            return new("time", $"parsing did not finish within {PerInputBudget.TotalSeconds:0} s (a loop or a blow-up)");
        }
#pragma warning disable CA1031 // any exception the parser throws is the failure being looked for
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new("throw " + e.GetType().Name, $"the parser threw {e}");
        }
    }

    /// <summary>Deletes lines, then characters, as long as the input still fails the same way.</summary>
    private async Task<FuzzInput> ShrinkAsync(FuzzInput input, Failure failure)
    {
        var clock = Stopwatch.StartNew();
        async Task<bool?> StillFails(FuzzInput candidate) =>
            clock.Elapsed > ShrinkBudget ? null : (await FailureOfAsync(candidate, record: false))?.Category == failure.Category;

        if (input.Bytes is not null)
        {
            var bytes = await ShrinkAsync(input.Bytes.ToList(), b => StillFails(input with { Bytes = [.. b] }));
            return input with { Bytes = [.. bytes] };
        }
        var lines = await ShrinkAsync(FuzzText.Segments(input.Text!), l => StillFails(input with { Text = string.Concat(l) }));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length < 40 || clock.Elapsed > ShrinkBudget) continue;
            var at = i;
            var chars = await ShrinkAsync(lines[i].ToList(), c => StillFails(input with { Text = string.Concat(lines.Take(at)) + new string([.. c]) + string.Concat(lines.Skip(at + 1)) }));
            lines[i] = new string([.. chars]);
        }
        return input with { Text = string.Concat(lines) };
    }

    /// <summary>Removes chunks of halving size that the failure does not need, until <paramref name="stillFails"/> says time is up (null).</summary>
    private static async Task<List<T>> ShrinkAsync<T>(List<T> units, Func<List<T>, Task<bool?>> stillFails)
    {
        for (var chunk = Math.Max(1, units.Count / 2); chunk >= 1; chunk /= 2)
        {
            for (var start = 0; start < units.Count;)
            {
                var candidate = units.Take(start).Concat(units.Skip(start + chunk)).ToList();
                switch (await stillFails(candidate))
                {
                    case null: return units;
                    case true: units = candidate; break;
                    default: start += chunk; break;
                }
            }
            if (chunk == 1) break;
        }
        return units;
    }
}
