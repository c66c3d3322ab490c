using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using ProcedureReference.Web.Settings;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// The <c>Proxy</c> section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Empty
/// (the default) believes nobody: anyone can send those headers, so they only mean something from a proxy the
/// operator names. Each key takes a list (a JSON array, <c>Proxy:KnownProxies:0=…</c>) or one value of entries
/// separated by commas (<c>--Proxy:KnownProxies=10.0.0.5,10.0.0.6</c>).
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    [IpAddresses(ErrorMessage = "IP addresses separated by commas (10.0.0.5,10.0.0.6)")]
    public string[] KnownProxies { get; set; } = [];

    [IpNetworks(ErrorMessage = "networks in CIDR form separated by commas (10.0.0.0/24,fd00::/64), no bits set past the prefix")]
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Whether any proxy is trusted, and so whether forwarded headers are read at all.</summary>
    public bool TrustsAProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<IPAddress> ProxyAddresses => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> ProxyNetworks => KnownNetworks.Select(n => IPNetwork.Parse(n));

    public static void Register(IServiceCollection services) =>
        services.AddSettings<ProxyOptions>(Section).Configure<IConfiguration>((options, configuration) =>
        {
            // The binder fills an array from a list only; one value ("a,b") is read here, and list entries may hold
            // commas too. (A section that holds a list reads as "", not null, under the test host's configuration.)
            options.KnownProxies = Entries(configuration.GetSection(Section + ":" + nameof(KnownProxies)), options.KnownProxies);
            options.KnownNetworks = Entries(configuration.GetSection(Section + ":" + nameof(KnownNetworks)), options.KnownNetworks);
        });

    private static string[] Entries(IConfigurationSection section, string[] bound) =>
        [.. (section.Value is { Length: > 0 } single ? [single] : bound)
            .SelectMany(entry => entry.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>IPAddress.TryParse alone takes "10.5" for 10.0.0.5: an IPv4 address here has all four parts.</summary>
    private static bool IsAddress(string entry) =>
        IPAddress.TryParse(entry, out var address) && (address.AddressFamily != AddressFamily.InterNetwork || entry.Count(c => c == '.') == 3);

    /// <summary>Every entry is an IP address.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class IpAddressesAttribute : ValidationAttribute
    {
        public override bool IsValid(object? value) => value is not IEnumerable<string> entries || entries.All(IsAddress);
    }

    /// <summary>
    /// Every entry is a network in CIDR form. A base address with bits set past the prefix (10.0.0.1/8) is refused
    /// as a probable typo, and so is a bare address, which belongs in KnownProxies.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class IpNetworksAttribute : ValidationAttribute
    {
        public override bool IsValid(object? value) => value is not IEnumerable<string> entries || entries.All(IsNetwork);

        private static bool IsNetwork(string entry) =>
            entry.Split('/') is [var address, _]
            && IsAddress(address)
            && IPNetwork.TryParse(entry, out var network)
            && network.BaseAddress.Equals(IPAddress.Parse(address));
    }
}
