using Microsoft.Extensions.Options;

namespace ProcedureReference.Web.Settings;

/// <summary>
/// Options classes bound from configuration and checked when the host starts (<see cref="SettingsCheck"/>). A value
/// the binder cannot convert ('abc' for a number) is reported as one that is out of range is, so that every bad
/// setting reads the same: "Key = 'value' is not allowed: what is". Nothing falls back to a default.
/// </summary>
public static class SettingsRegistration
{
    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/> ("" for keys that name their own sections), validated, and injectable as itself.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(provider => new SettingsValidator<T>(section, provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>()
            .Configure<IConfiguration>((_, configuration) => ThrowIfUnconvertible<T>(section, configuration))
            .BindConfiguration(section)
            .ValidateOnStart();
    }

    /// <summary>Runs before the binder, which would otherwise throw its own InvalidOperationException.</summary>
    private static void ThrowIfUnconvertible<T>(string section, IConfiguration configuration)
    {
        var problems = Setting.Of<T>(section)
            .Where(setting => !setting.Converts(configuration[setting.Key]))
            .Select(setting => setting.Problem(configuration, null))
            .ToList();
        if (problems.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(T), problems);
    }

    private sealed class SettingsValidator<T>(string section, IConfiguration configuration) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = Setting.Of<T>(section)
                .Where(setting => !setting.IsValid(options))
                .Select(setting => setting.Problem(configuration, options))
                .ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
