using IdentityProvider.Connect;

namespace IdentityProvider.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Strict headers on the provider's own pages. Note: no CSP <c>form-action</c>, because Chromium applies
    /// it to the redirect chain after the sign-in form posts, which ends at the relying party's address.
    /// The protocol endpoints are left alone: their form_post responses carry an inline auto-submit script.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments(ConnectPaths.Prefix))
            {
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            }

            return next(context);
        });
}
