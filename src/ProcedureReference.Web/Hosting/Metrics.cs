using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core's and the runtime's meters and the product's own, <see cref="ReferenceMetrics"/>)
/// for Prometheus to scrape. Off by default. When on, the scrape is served at <c>/metrics</c> on a port of its own
/// (<c>Metrics:Port</c>, on <c>Metrics:Address</c>, loopback by default) that the server listens on besides the site's
/// URLs, and nowhere else: the choice is made by the port the connection came in on, not by the Host header, which
/// a client writes. That port serves nothing but the scrape.
/// </summary>
public static class Metrics
{
    public const string ServiceName = "procedure-reference";
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        MetricsOptions.Register(builder.Services);
        builder.Services.AddSingleton<ReferenceMetrics>();
        // Read now, since the server's addresses are fixed before the app is built; a value that is not allowed leaves
        // metrics off here, and the settings check then names it with the rest and stops the start.
        if (MetricsOptions.Peek(builder.Configuration) is not { Enabled: true } options) return builder;

        var siteUrls = MetricsOptions.SiteUrls(builder.Configuration).ToList();
        builder.Services.AddSingleton(new MetricsExport(options.Port, siteUrls));
        builder.WebHost.UseUrls(string.Join(';', siteUrls.Append(options.Url)));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, autoGenerateServiceInstanceId: false)
                .AddDetector(services => new InstanceDetector(services.GetRequiredService<InstanceOptions>().Name)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ReferenceMetrics.MeterName)
                .AddPrometheusExporter(prometheus =>
                {
                    // Each scrape collects afresh: one scraper every few seconds costs nothing to speak of.
                    prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                    // Every series names its instance, not only target_info.
                    prometheus.ResourceConstantLabels = key => key == InstanceDetector.AttributeName;
                }));
        return builder;
    }

    /// <summary>First in the pipeline: a scrape is not a reader's request (not logged, limited, redirected or cached).</summary>
    public static WebApplication UseMetrics(this WebApplication app)
    {
        if (app.Services.GetService<MetricsExport>() is not { } export) return app;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null,
            predicate: context => context.Connection.LocalPort == export.Port && context.Request.Path == ScrapePath,
            path: null, configureBranchedPipeline: null, optionsName: null);
        app.MapWhen(context => context.Connection.LocalPort == export.Port, metricsPort => metricsPort.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }));
        return app;
    }

    /// <summary>Set when metrics are exported: the internal port the scrape is served on, and the site's URLs without it.</summary>
    internal sealed record MetricsExport(int Port, IReadOnlyList<string> SiteUrls);

    /// <summary>The instance's name as the resource attribute <c>service.instance.id</c>.</summary>
    private sealed class InstanceDetector(string name) : IResourceDetector
    {
        public const string AttributeName = "service.instance.id";

        public Resource Detect() => new([new KeyValuePair<string, object>(AttributeName, name)]);
    }
}

/// <summary>The <c>Metrics</c> section (see <see cref="Metrics"/>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Kestrel's address when the site's URLs are not configured.</summary>
    private const string DefaultSiteUrl = "http://localhost:5000";

    public bool Enabled { get; set; }

    /// <summary>9464, the port OpenTelemetry's Prometheus exporters use by convention.</summary>
    [Range(1, 65535, ErrorMessage = "a port number from 1 to 65535, not one of the site's URLs")]
    public int Port { get; set; } = 9464;

    [IpAddress(ErrorMessage = "an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every network)")]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The URL the scrape is served on.</summary>
    public string Url
    {
        get
        {
            var address = IPAddress.Parse(Address);
            return $"http://{(address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString())}:{Port}";
        }
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSettings<MetricsOptions>(Section);
        services.AddSingleton<IValidateOptions<MetricsOptions>, NotASitePort>();
    }

    /// <summary>The options as configured, or null when a value is not allowed.</summary>
    internal static MetricsOptions? Peek(IConfiguration configuration)
    {
        var settings = Setting.Of<MetricsOptions>(Section);
        if (!settings.All(setting => setting.Converts(configuration[setting.Key]))) return null;
        var options = configuration.GetSection(Section).Get<MetricsOptions>() ?? new MetricsOptions();
        return settings.All(setting => setting.IsValid(options)) && NotASitePort.Allows(options, SiteUrls(configuration)) ? options : null;
    }

    /// <summary>The URLs the site is served on (<c>Urls</c>, or Kestrel's default).</summary>
    internal static IEnumerable<string> SiteUrls(IConfiguration configuration) =>
        (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : DefaultSiteUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The scrape's port must not be one the site is served on, where readers could reach it.</summary>
    private sealed class NotASitePort(IConfiguration configuration, IServiceProvider services) : IValidateOptions<MetricsOptions>
    {
        /// <summary>Against the site's URLs as configured, before the scrape's own was added to them.</summary>
        public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
            Allows(options, services.GetService<Metrics.MetricsExport>()?.SiteUrls ?? SiteUrls(configuration))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(Setting.Of<MetricsOptions>(Section).Single(s => s.Key == Section + ":" + nameof(Port)).Problem(configuration, options));

        public static bool Allows(MetricsOptions options, IEnumerable<string> siteUrls) =>
            !options.Enabled || siteUrls.All(url => !TryPort(url, out var port) || port != options.Port);

        private static bool TryPort(string url, out int port)
        {
            try
            {
                port = BindingAddress.Parse(url).Port;
                return true;
            }
            catch (FormatException)
            {
                port = 0;
                return false;
            }
        }
    }
}

/// <summary>A string that parses as an IPv4 or IPv6 address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IpAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is string text && IPAddress.TryParse(text, out _);
}
