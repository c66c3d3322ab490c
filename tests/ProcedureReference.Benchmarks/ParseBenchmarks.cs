using BenchmarkDotNet.Attributes;
using ProcedureReference.Codes;
using ProcedureReference.Parsing;

namespace ProcedureReference.Benchmarks;

/// <summary>Parsing one real page of each layout: headed (37188) and with dropped headings (78458).</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _headed = [];
    private byte[] _dropped = [];

    [GlobalSetup]
    public void Setup()
    {
        _headed = File.ReadAllBytes(Path.Combine(BenchData.ContentFolder, "004_b058e552b792f92e.txt"));
        _dropped = File.ReadAllBytes(Path.Combine(BenchData.ContentFolder, "000_36cba762d94ce8c5.txt"));
    }

    [Benchmark]
    public ParsedPage HeadedPage() => PageParser.Parse("004_b058e552b792f92e.txt", _headed, ProcedureCode.Parse("37188"));

    [Benchmark]
    public ParsedPage DroppedHeadingPage() => PageParser.Parse("000_36cba762d94ce8c5.txt", _dropped, ProcedureCode.Parse("78458"));
}
