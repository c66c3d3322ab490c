using ProcedureReference.Web;
using ProcedureReference.Web.Cli;

if (CommandLine.IsCommand(args)) return CommandLine.Run(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddProcedureReference();

var app = builder.Build();
app.UseProcedureReference();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
