using IdentityProvider.Settings;

namespace IdentityProvider.Hosting;

/// <summary>
/// With <c>Server:RequireHttps</c> (the production default), a plain-HTTP request (the container's port reached
/// directly, a proxy that does not forward the scheme) gets a clean answer before anything that needs HTTPS runs:
/// a GET or HEAD is redirected to the same path at the issuer when the issuer is an https address, anything else is
/// answered 400 with a sentence saying so. Without this, antiforgery threw on every page with a form, and the error
/// page with it. Health checks stay open to plain HTTP for the orchestrator's probes.
/// </summary>
public static class HttpsRequirement
{
    public static IApplicationBuilder UseHttpsRequirement(this IApplicationBuilder app, ServerSettings server)
    {
        if (!server.RequireHttps)
        {
            return app;
        }

        var secureOrigin = server.Issuer is { Scheme: "https" } issuer ? issuer.GetLeftPart(UriPartial.Authority) : null;
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.IsHttps || request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }

            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsRequirement))
                .LogInformation("Refused a plain-HTTP request to {Path}: Server:RequireHttps is on", request.Path.Value);
            if (secureOrigin is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                context.Response.Redirect(secureOrigin + request.PathBase + request.Path + request.QueryString, permanent: true, preserveMethod: true);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "This provider answers over HTTPS only. Open the same address with https://.\n"
                + "Этот сервер отвечает только по HTTPS. Откройте тот же адрес через https://.\n");
        });
    }
}
