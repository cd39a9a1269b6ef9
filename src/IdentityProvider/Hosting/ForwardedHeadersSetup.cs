using IdentityProvider.Settings;
using Microsoft.AspNetCore.HttpOverrides;

namespace IdentityProvider.Hosting;

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind a TLS-terminating proxy, takes the client address, scheme and host from X-Forwarded-* headers,
    /// but only from the configured proxies (the framework's default trust of loopback is dropped).
    /// </summary>
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this IApplicationBuilder app, ForwardedHeadersSettings settings)
    {
        if (!settings.Enabled)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }

        return app.UseForwardedHeaders(options);
    }
}
