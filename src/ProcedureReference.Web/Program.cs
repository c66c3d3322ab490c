using ProcedureReference.Web;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Cli;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Settings;

if (CommandLine.IsCommand(args)) return CommandLine.Run(args, Console.Out, Console.Error);

// appsettings.json and wwwroot/ sit beside the binary; data/ and content/ are taken from the current directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddSettingsCheck();
builder.AddSerilogLogging();
builder.AddMetrics();
builder.AddProxy();
builder.AddRequestLimits();
builder.AddRateLimits();
builder.AddErrorResponses();
builder.AddProcedureReference();
builder.AddAdmin();

var app = builder.Build();
app.CheckSettings();
app.UseProcedureReference();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
