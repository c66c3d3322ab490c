using ProcedureReference.Tools;

// `dotnet run --project tests/ProcedureReference.Tools -- generate-corpus --pages N --out DIR [--seed S]`
return ToolsCommandLine.Run(args, Console.Out, Console.Error);
