using Microsoft.Extensions.Options;

namespace ProcedureReference.Web.Settings;

/// <summary>
/// A bad setting stops the start and says which it is. The process then ends with those lines on standard error and
/// exit code 2, and no stack trace: the lines are the whole story. (Under a test host the exception is caught before
/// it goes unhandled, and the test sees it.)
/// </summary>
public static class SettingsCheck
{
    public const int ExitCode = 2;

    private static int _reporting;

    /// <summary>
    /// From here on a bad setting ends the process briefly: building the app may already read one (Kestrel's limits
    /// are read when the server is created).
    /// </summary>
    public static WebApplicationBuilder AddSettingsCheck(this WebApplicationBuilder builder)
    {
        if (Interlocked.Exchange(ref _reporting, 1) == 0) AppDomain.CurrentDomain.UnhandledException += ReportAndExit;
        return builder;
    }

    /// <summary>Checks every setting before anything else runs, so that all the bad ones are named at once.</summary>
    public static WebApplication CheckSettings(this WebApplication app)
    {
        Validate(app.Services);
        return app;
    }

    /// <summary>Throws <see cref="InvalidSettingsException"/> naming each bad setting once.</summary>
    public static void Validate(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new InvalidSettingsException(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            throw new InvalidSettingsException(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures));
        }
    }

    /// <summary>The options, or false when they are not allowed (for a step that runs before <see cref="CheckSettings"/> names them).</summary>
    public static bool TryGetValid<T>(this IOptions<T> options, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            value = options.Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            value = null;
            return false;
        }
    }

    private static void ReportAndExit(object sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is not (InvalidSettingsException or OptionsValidationException)) return;
        Console.Error.WriteLine(((Exception)e.ExceptionObject).Message);
        Environment.Exit(ExitCode);
    }
}

/// <summary>One or more settings hold values that are not allowed; the message has one line for each.</summary>
public sealed class InvalidSettingsException(IEnumerable<string> problems)
    : Exception(string.Join(Environment.NewLine, problems.Distinct(StringComparer.Ordinal)));
