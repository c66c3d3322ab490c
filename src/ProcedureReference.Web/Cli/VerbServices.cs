using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Cli;

/// <summary>
/// What a verb runs with: the site's settings from the site's sources (appsettings.json and
/// appsettings.{Environment}.json beside the binary, environment variables, then the command line's settings), bound
/// and checked as the site binds and checks them.
/// </summary>
public sealed class VerbServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private VerbServices(ServiceProvider provider) => _provider = provider;

    public IServiceProvider Services => _provider;

    /// <summary>The keys a verb reads, the only ones it takes from its command line.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        [.. Setting.Of<ReferenceOptions>("").Concat(Setting.Of<StorageOptions>("")).Concat(Setting.Of<AdminOptions>(AdminOptions.Section)).Select(s => s.Key)];

    /// <summary>Throws <see cref="InvalidSettingsException"/> when a setting is not allowed.</summary>
    public static VerbServices Build(IReadOnlyDictionary<string, string?> commandLine)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(commandLine)
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        ReferenceOptions.Register(services);
        StorageOptions.Register(services);
        AdminOptions.Register(services);
        services.AddStorage(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            SettingsCheck.Validate(provider);
            return new VerbServices(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public void Dispose() => _provider.Dispose();
}
