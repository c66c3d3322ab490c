using BenchmarkDotNet.Running;
using ProcedureReference.Benchmarks;

// `similarity --pages 10000,100000`: the similarity step at scale on generated corpora, as one table.
// Anything else goes to BenchmarkDotNet (`--filter '*'`, `--list flat`, ...) for the in-process figures.
// `latency --db FILE --content DIR --queries FILE`: search and suggest p50/p99 over a fixed query list.
if (args is ["similarity", ..]) return SimilarityCommand.Run(args[1..], Console.Out, Console.Error);
// `queries --corpus DIR [--count 400] [--seed N]`: random queries drawn from a generated corpus, as kind<TAB>query.
// `http --base URL --queries FILE`: each query (or a fresh prefix of it, --suggest) asked once over HTTP.
if (args is ["latency", ..]) return LatencyCommand.Run(args[1..], Console.Out, Console.Error);
if (args is ["queries", ..]) return QueriesCommand.Run(args[1..], Console.Out, Console.Error);
if (args is ["http", ..]) return await HttpCommand.RunAsync(args[1..], Console.Out, Console.Error);
BenchmarkSwitcher.FromAssembly(typeof(SimilarityCommand).Assembly).Run(args);
return 0;
