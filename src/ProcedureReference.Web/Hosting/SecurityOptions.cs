using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>The <c>Security</c> section (see <see cref="SecurityHeaders.UseHttpsOutsideDevelopment"/>).</summary>
public sealed class SecurityOptions
{
    /// <summary>Outside Development, redirect HTTP to HTTPS; false for plain HTTP behind a proxy that terminates TLS.</summary>
    public bool HttpsRedirection { get; set; } = true;

    public static void Register(IServiceCollection services) => services.AddSettings<SecurityOptions>("Security");
}
