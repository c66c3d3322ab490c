using Microsoft.AspNetCore.HttpOverrides;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Behind a reverse proxy every connection comes from the proxy. With the proxy named in <see cref="ProxyOptions"/>,
/// a request's client address and scheme are taken from the X-Forwarded-For and X-Forwarded-Proto the proxy adds,
/// before anything else reads them: the rate limits' partitions, the audit log's address, the HTTPS redirect and HSTS,
/// and the absolute URLs of <see cref="PublicUrls"/>. With no proxy named the headers are ignored. The Host header is
/// the proxy's to pass on (nginx: <c>proxy_set_header Host $host</c>) and <c>AllowedHosts</c> checks it;
/// X-Forwarded-Host is not read.
/// </summary>
public static class ForwardedHeaders
{
    public static WebApplicationBuilder AddProxy(this WebApplicationBuilder builder)
    {
        ProxyOptions.Register(builder.Services);
        SiteOptions.Register(builder.Services);
        builder.Services.AddPublicOpenApiServer();
        // A startup filter puts the middleware ahead of every middleware the app adds (metrics, request logging,
        // error pages, rate limits), as ASP.NET Core's own forwarded-headers switch does; host filtering stays first.
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersFilter>();
        return builder;
    }

    /// <summary>
    /// What the middleware believes: X-Forwarded-For read from the right while each hop is a known proxy, so the
    /// first address a known proxy did not add (the client, or whatever a client wrote itself) ends it. ASP.NET
    /// Core's default list (loopback) is replaced by the configured one.
    /// </summary>
    public static ForwardedHeadersOptions OptionsFor(ProxyOptions proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in proxy.ProxyAddresses) options.KnownProxies.Add(address);
        foreach (var network in proxy.ProxyNetworks) options.KnownIPNetworks.Add(network);
        return options;
    }

    private sealed class ForwardedHeadersFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var proxy = app.ApplicationServices.GetRequiredService<ProxyOptions>();
            if (proxy.TrustsAProxy) app.UseForwardedHeaders(OptionsFor(proxy));
            next(app);
        };
    }
}
