using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Hosting;
using ProcedureReference.Web.Tests.Faults;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Settings;

/// <summary>Settings reach the site through the options, and a value that is not allowed stops the start naming it.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Import:SimilarCodes", "abc", "a whole number from 0 to 50")]
    [InlineData("Import:SimilarCodes", "500", "a whole number from 0 to 50")]
    [InlineData("Import:MaxFileBytes", "0", "a whole number of bytes, at least 1")]
    [InlineData("Database:Path", "", "a file path")]
    [InlineData("Admin:MaxFailedLogins", "-3", "a whole number, at least 1")]
    [InlineData("Admin:LockoutMinutes", "soon", "a whole number, at least 1")]
    [InlineData("Admin:MaxUploadBytes", "-1", "a whole number of bytes, at least 1")]
    [InlineData("Limits:RequestTimeoutSeconds", "-1", "a whole number of seconds from 1 to 86400 (a day)")]
    [InlineData("Limits:MaxRequestBodyBytes", "lots", "a whole number of bytes, at least 1")]
    [InlineData("RateLimits:SearchPermits", "0", "a whole number, at least 1")]
    [InlineData("RateLimits:Enabled", "maybe", "true or false")]
    [InlineData("Security:HttpsRedirection", "yes", "true or false")]
    [InlineData("Database:Provider", "Mysql", "Sqlite or Postgres")]
    public void A_bad_value_stops_the_start_naming_the_key_the_value_and_what_is_allowed(string key, string value, string allowed)
    {
        using var app = new ConfiguredApp((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Equal($"{key} = '{value}' is not allowed: {allowed}", error.Message);
        Assert.False(File.Exists(app.DatabasePath), "the content was imported");
    }

    [Fact]
    public void The_postgres_provider_without_a_connection_string_stops_the_start_saying_what_is_needed()
    {
        using var app = new ConfiguredApp(("Database:Provider", "Postgres"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.StartsWith("ConnectionStrings:Postgres = '' is not allowed: an Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(app.DatabasePath), "the content was imported");
    }

    [Fact]
    public void Every_bad_value_of_one_start_is_named()
    {
        using var app = new ConfiguredApp(("Import:SimilarCodes", "abc"), ("Admin:KeepVersions", "0"), ("RateLimits:PagePermits", "-5"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Import:SimilarCodes = 'abc' is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Admin:KeepVersions = '0' is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains("RateLimits:PagePermits = '-5' is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_reach_the_options_the_site_injects()
    {
        using var app = new ConfiguredApp(
            ("Import:SimilarCodes", "3"), ("Admin:KeepVersions", "9"), ("Admin:LockoutMinutes", "7"),
            ("Limits:RequestTimeoutSeconds", "11"), ("RateLimits:WindowSeconds", "600"), ("Security:HttpsRedirection", "false"));
        using var client = app.CreateClient();

        Assert.Equal(3, app.Services.GetRequiredService<ReferenceOptions>().SimilarCodes);
        Assert.Equal(app.DatabasePath, app.Services.GetRequiredService<ReferenceOptions>().DatabasePath);
        var admin = app.Services.GetRequiredService<AdminOptions>();
        Assert.Equal(9, admin.KeepVersions);
        Assert.Equal(TimeSpan.FromMinutes(7), admin.Lockout);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "admin.db"), admin.DatabasePath);
        Assert.Equal(TimeSpan.FromSeconds(11), app.Services.GetRequiredService<RequestLimitOptions>().RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), app.Services.GetRequiredService<RateLimitOptions>().Window);
        Assert.False(app.Services.GetRequiredService<SecurityOptions>().HttpsRedirection);
    }

    [Theory]
    [InlineData("--Import:SimilarCodes=500", "Import:SimilarCodes = '500' is not allowed: a whole number from 0 to 50")]
    [InlineData("--Limits:RequestTimeoutSeconds=-1", "Limits:RequestTimeoutSeconds = '-1' is not allowed: a whole number of seconds from 1 to 86400 (a day)")]
    public async Task The_site_process_ends_with_exit_code_2_and_that_one_line(string setting, string line)
    {
        var folder = Directory.CreateTempSubdirectory("pr-settings-");
        try
        {
            using var child = ChildProcess.Start(folder.FullName, [setting, "--Urls=http://127.0.0.1:0"]);

            Assert.Equal(2, await child.WaitForExitAsync());
            Assert.Equal(line, child.Output.TrimEnd());
            Assert.Empty(folder.EnumerateFileSystemInfos());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
