using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Admin;

/// <summary>The admin area's settings (configuration section <c>Admin</c>); files default to the content database's folder.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    private static readonly ArchiveLimits DefaultUpload = new();

    /// <summary>The accounts and audit database; empty: admin.db beside the content database.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>The sign-in cookie's keys; empty: keys/ beside the content database.</summary>
    public string KeysPath { get; set; } = "";

    /// <summary>Where uploads are unpacked; empty: uploads/ beside the content database.</summary>
    public string UploadsPath { get; set; } = "";

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int UploadsPerHour { get; set; } = 20;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int KeepVersions { get; set; } = IContentStore.DefaultKeep;

    /// <summary>The share of the live codes (percent) a publish may remove before the admin must confirm the number removed.</summary>
    [Range(0, 100, ErrorMessage = "a whole number from 0 to 100 (percent)")]
    public int MaxRemovedPercent { get; set; } = PublishCheck.DefaultMaxRemovedPercent;

    [Range(1, long.MaxValue, ErrorMessage = "a whole number of bytes, at least 1")]
    public long MaxUploadBytes { get; set; } = DefaultUpload.MaxArchiveBytes;

    [Range(1, int.MaxValue, ErrorMessage = "a whole number, at least 1")]
    public int MaxUploadEntries { get; set; } = DefaultUpload.MaxEntries;

    [Range(1, long.MaxValue, ErrorMessage = "a whole number of bytes, at least 1")]
    public long MaxUncompressedBytes { get; set; } = DefaultUpload.MaxTotalBytes;

    /// <summary>Import:MaxFileBytes, which holds for each page of an upload too (not a key of this section).</summary>
    public long MaxFileBytes { get; internal set; } = PageText.DefaultMaxBytes;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public ArchiveLimits Upload => new()
    {
        MaxArchiveBytes = MaxUploadBytes,
        MaxEntries = MaxUploadEntries,
        MaxTotalBytes = MaxUncompressedBytes,
        MaxFileBytes = MaxFileBytes,
    };

    /// <summary>Binds the Admin section; empty paths become files beside the content database (<see cref="ReferenceOptions"/>).</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSettings<AdminOptions>(Section).PostConfigure<IOptions<ReferenceOptions>>((options, referenceOptions) =>
        {
            // A bad reference setting is named on its own and stops the start; this section's values are still checked.
            if (!referenceOptions.TryGetValid(out var reference)) return;
            var data = Path.GetDirectoryName(reference.DatabasePath)!;
            options.DatabasePath = Path.GetFullPath(options.DatabasePath.Length > 0 ? options.DatabasePath : Path.Combine(data, "admin.db"));
            options.KeysPath = Path.GetFullPath(options.KeysPath.Length > 0 ? options.KeysPath : Path.Combine(data, "keys"));
            options.UploadsPath = Path.GetFullPath(options.UploadsPath.Length > 0 ? options.UploadsPath : Path.Combine(data, "uploads"));
            options.MaxFileBytes = reference.MaxFileBytes;
        });
}
