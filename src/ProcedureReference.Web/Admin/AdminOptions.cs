using System.Globalization;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;

namespace ProcedureReference.Web.Admin;

/// <summary>The admin area's settings (configuration section <c>Admin</c>); files default to the content database's folder.</summary>
public sealed class AdminOptions
{
    public required string DatabasePath { get; init; }
    public required string KeysPath { get; init; }
    public required string UploadsPath { get; init; }
    public int MaxFailedLogins { get; init; } = 5;
    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(15);
    public int LoginAttemptsPerMinute { get; init; } = 10;
    public int UploadsPerHour { get; init; } = 20;
    public int KeepVersions { get; init; } = IContentStore.DefaultKeep;
    public ArchiveLimits Upload { get; init; } = new();

    public static AdminOptions From(IConfiguration configuration, ReferenceOptions reference)
    {
        var data = Path.GetDirectoryName(reference.DatabasePath)!;
        var section = configuration.GetSection("Admin");
        int Int(string key, int fallback) => int.TryParse(section[key], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
        long Long(string key, long fallback) => long.TryParse(section[key], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
        var limits = new ArchiveLimits();
        return new AdminOptions
        {
            DatabasePath = Path.GetFullPath(section["DatabasePath"] is { Length: > 0 } db ? db : Path.Combine(data, "admin.db")),
            KeysPath = Path.GetFullPath(section["KeysPath"] is { Length: > 0 } keys ? keys : Path.Combine(data, "keys")),
            UploadsPath = Path.GetFullPath(Path.Combine(data, "uploads")),
            MaxFailedLogins = Int("MaxFailedLogins", 5),
            Lockout = TimeSpan.FromMinutes(Int("LockoutMinutes", 15)),
            LoginAttemptsPerMinute = Int("LoginAttemptsPerMinute", 10),
            UploadsPerHour = Int("UploadsPerHour", 20),
            KeepVersions = Int("KeepVersions", IContentStore.DefaultKeep),
            Upload = new ArchiveLimits
            {
                MaxArchiveBytes = Long("MaxUploadBytes", limits.MaxArchiveBytes),
                MaxEntries = Int("MaxUploadEntries", limits.MaxEntries),
                MaxTotalBytes = Long("MaxUncompressedBytes", limits.MaxTotalBytes),
                MaxFileBytes = reference.MaxFileBytes,
            },
        };
    }
}
