namespace ProcedureReference.Web.Hosting;

/// <summary>
/// What browsers may do with the site's responses, on every response the app writes: pages, the API, static
/// files, redirects, errors and 429s. The headers are added as a response starts, so an error handler that clears
/// the response on the way does not lose them. Kestrel's own answers to malformed requests (400, 414, 431) never
/// reach the app and carry none; they have no body.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles, images and requests only from the site itself: no page has an inline script, style element,
    /// style attribute or event handler attribute, so nothing needs 'unsafe-inline' (the JSON-LD block on code
    /// pages is data, which script-src does not govern). No plugins, no framing, forms post only here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A reference needs none of these; only features every current browser recognises (others log warnings).</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>
    /// A search URL holds what a reader typed, perhaps a symptom: other sites are told at most the origin.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                Add(((HttpResponse)state).Headers);
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// HSTS and the redirect to HTTPS outside Development. <c>Security:HttpsRedirection=false</c> turns the redirect
    /// off for a plain-HTTP run in Production (behind a proxy that terminates TLS, a benchmark); HSTS is only ever
    /// sent over HTTPS, and never for localhost.
    /// </summary>
    public static WebApplication UseHttpsOutsideDevelopment(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return app;
        app.UseHsts();
        if (app.Services.GetRequiredService<SecurityOptions>().HttpsRedirection) app.UseHttpsRedirection();
        return app;
    }

    private static void Add(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}
