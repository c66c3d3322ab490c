using BenchmarkDotNet.Running;
using ProcedureReference.Benchmarks;

// `similarity --pages 10000,100000`: the similarity step at scale on generated corpora, as one table.
// Anything else goes to BenchmarkDotNet (`--filter '*'`, `--list flat`, ...) for the in-process figures.
// `latency --db FILE --content DIR --queries FILE`: search and suggest p50/p99 over a fixed query list.
if (args is ["similarity", ..]) return SimilarityCommand.Run(args[1..], Console.Out, Console.Error);
if (args is ["latency", ..]) return LatencyCommand.Run(args[1..], Console.Out, Console.Error);
BenchmarkSwitcher.FromAssembly(typeof(SimilarityCommand).Assembly).Run(args);
return 0;
