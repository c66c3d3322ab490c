using ProcedureReference.Tests.Parsing.Fuzz;
using Xunit.Abstractions;

namespace ProcedureReference.Tests.Parsing;

/// <summary>
/// The parser on pages nobody wrote: it never throws, never loops or blows up (each page within a generous
/// time budget, allocations bounded by its size), and every non-empty line lands exactly once
/// (<see cref="LineConservation"/>). Fixed seed and a time budget: the same seed makes the same pages, in the
/// same order, so a failure can be made again. PROCREF_FUZZ_SEED and PROCREF_FUZZ_SECONDS (the budget of all
/// three tests together) run it longer or on other pages.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261208;
    private const double DefaultSeconds = 10;
    private const int MinimumCases = 100;

    [Fact]
    public Task Random_bytes_decoded_as_the_importer_decodes_files() => RunAsync("random bytes", share: 0.2, RandomPages.Bytes);

    [Fact]
    public Task Random_unicode_with_surrogates_marks_nul_and_every_line_ending() => RunAsync("random Unicode", share: 0.3, RandomPages.Unicode);

    [Fact]
    public Task Real_pages_damaged_at_random() => RunAsync("damaged pages", share: 0.5, PageMutations.Next);

    private async Task RunAsync(string kind, double share, Func<Random, FuzzInput> generate)
    {
        var (seed, total) = FuzzRun.Settings(DefaultSeed, DefaultSeconds);
        var run = new FuzzRun(seed, total * share, MinimumCases);
        var failure = await run.RunAsync(kind, generate);
        output.WriteLine($"{kind}: seed {seed}, {run.Cases:N0} cases, largest {run.LargestInput:N0} bytes, " +
                         $"slowest parse {run.SlowestParse.TotalMilliseconds:N0} ms, pages of 64 KB or more allocated at most {run.WorstAllocationRatio:N1} times their size");
        Assert.True(failure is null, failure);
    }
}
