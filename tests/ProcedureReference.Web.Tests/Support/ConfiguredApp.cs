using Microsoft.AspNetCore.Hosting;
using ProcedureReference.Testing;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// The app (with its admin accounts) under settings of the test's own, applied after every default: for tests
/// that need a fresh app each, such as a rate limit's budget or a locked database.
/// </summary>
public sealed class ConfiguredApp : AdminApp
{
    private readonly (string Key, string Value)[] _settings;

    public ConfiguredApp(params (string Key, string Value)[] settings) : this(Engine.Sqlite, settings) { }

    public ConfiguredApp(Engine engine, params (string Key, string Value)[] settings) : base(engine) => _settings = settings;

    /// <summary>On a database of its own on <paramref name="server"/>, a cluster the test stops and starts.</summary>
    public ConfiguredApp(PostgresServer server, params (string Key, string Value)[] settings) : base(Engine.Postgres, server) => _settings = settings;

    public string? Environment { get; init; }

    /// <summary>More services for this app (a startup filter that adds a middleware, say).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? MoreServices { get; init; }

    /// <summary>Served by Kestrel on a free 127.0.0.1 port, as <see cref="KestrelApp"/>.</summary>
    public bool OnKestrel
    {
        get;
        init
        {
            field = value;
            if (value) UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Environment is not null) builder.UseEnvironment(Environment);
        if (MoreServices is not null) builder.ConfigureServices(MoreServices);
    }
}
