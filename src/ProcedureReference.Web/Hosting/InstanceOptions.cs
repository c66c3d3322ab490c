using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProcedureReference.Web.Settings;
using Serilog.Core;
using Serilog.Events;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// The <c>Instance</c> section: the name this process goes by in its log lines and metrics, so that an operator
/// watching several instances of the site on one database can tell them apart.
/// </summary>
public sealed partial class InstanceOptions
{
    public const string Section = "Instance";

    /// <summary>Empty: the machine's name and the process id (<c>web-3-41872</c>), unique among the instances of a fleet.</summary>
    [RegularExpression(NamePattern, ErrorMessage = "1 to 100 letters, digits, '.', '_', ':' or '-'")]
    public string Name { get; set; } = "";

    /// <summary>Printable without escaping in a log line and a Prometheus label: no spaces, no control characters.</summary>
    private const string NamePattern = "^[A-Za-z0-9._:-]{1,100}$";

    public static void Register(IServiceCollection services) =>
        services.AddSettings<InstanceOptions>(Section).PostConfigure(options =>
        {
            if (options.Name.Length == 0) options.Name = DefaultName();
        });

    /// <summary>The machine's name (characters a name may not hold become '-') and the process id.</summary>
    public static string DefaultName()
    {
        var machine = NotAllowed().Replace(Environment.MachineName, "-");
        if (machine.Length > 80) machine = machine[..80];
        return machine + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("[^A-Za-z0-9._:-]")]
    private static partial Regex NotAllowed();
}

/// <summary>
/// Adds the instance's name to every log event as the <c>Instance</c> property, which the console's template in
/// appsettings.json shows. Serilog takes it as a service (see <see cref="Logging"/>).
/// </summary>
public sealed class InstanceEnricher(IOptions<InstanceOptions> options) : ILogEventEnricher
{
    public const string PropertyName = "Instance";

    private LogEventProperty? _property;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        logEvent.AddPropertyIfAbsent(_property ??= new LogEventProperty(PropertyName, new ScalarValue(NameOf(options))));
    }

    /// <summary>
    /// The configured name; a name that is not allowed is logged as the default until the settings check (which runs
    /// after the logger is made) names it and stops the start.
    /// </summary>
    private static string NameOf(IOptions<InstanceOptions> options) =>
        options.TryGetValid(out var instance) ? instance.Name : InstanceOptions.DefaultName();
}
