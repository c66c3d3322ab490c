using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace ProcedureReference.Web.Settings;

/// <summary>
/// One configuration key of an options class: a public settable property, named by the section and the property (or
/// its <see cref="ConfigurationKeyNameAttribute"/>). What it allows is said by its data annotation's ErrorMessage.
/// </summary>
public sealed class Setting
{
    private readonly PropertyInfo _property;
    private readonly IReadOnlyList<ValidationAttribute> _rules;

    private Setting(PropertyInfo property, string section)
    {
        _property = property;
        _rules = [.. property.GetCustomAttributes<ValidationAttribute>()];
        var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
        Key = section.Length == 0 ? name : ConfigurationPath.Combine(section, name);
        Allowed = _rules.Select(r => r.ErrorMessage).FirstOrDefault(m => m is not null)
            ?? (property.PropertyType == typeof(bool) ? "true or false" : "a value of type " + property.PropertyType.Name);
    }

    /// <summary>The full key, e.g. <c>Import:SimilarCodes</c>.</summary>
    public string Key { get; }

    /// <summary>What the key may hold, e.g. "a whole number from 0 to 50".</summary>
    public string Allowed { get; }

    /// <summary>The keys that <typeparamref name="T"/> binds from <paramref name="section"/> ("" for the root).</summary>
    public static IReadOnlyList<Setting> Of<T>(string section) =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.SetMethod is { IsPublic: true })
            .Select(p => new Setting(p, section))];

    /// <summary>Whether the configuration's text converts to the property's type as the binder converts it.</summary>
    public bool Converts(string? text)
    {
        // A list of strings may also be given as one value, which its options class splits (see ProxyOptions).
        if (text is null || _property.PropertyType == typeof(string) || _property.PropertyType == typeof(string[])) return true;
        try
        {
            return TypeDescriptor.GetConverter(_property.PropertyType).ConvertFromInvariantString(text) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    public bool IsValid(object options) => _rules.All(rule => rule.IsValid(_property.GetValue(options)));

    /// <summary>The one line that says what is wrong: the key, the value as configured, what is allowed.</summary>
    public string Problem(IConfiguration configuration, object? options)
    {
        // A key that holds a list reads as "" (or null), and its entries are shown from the options instead.
        var configured = configuration[Key];
        var value = configured is { Length: > 0 } ? configured : (options is null ? null : _property.GetValue(options)) switch
        {
            string[] list => string.Join(',', list),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
        return $"{Key} = '{value}' is not allowed: {Allowed}";
    }
}
