using System.Net;

namespace IdentityProvider.Settings;

/// <summary>
/// <c>ForwardedHeaders:*</c>: the reverse proxies whose X-Forwarded-For/Proto/Host headers are believed.
/// Warning: none by default; a header from any other address is ignored, so clients cannot fake their address.
/// </summary>
public sealed record ForwardedHeadersSettings(IPAddress[] KnownProxies, System.Net.IPNetwork[] KnownNetworks)
{
    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public static ForwardedHeadersSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = SettingsReader.List(section, "KnownProxies")
            .Select(raw => IPAddress.TryParse(raw, out var address)
                ? address
                : throw new InvalidConfigurationException(SettingsReader.Key(section, "KnownProxies"), $"has '{raw}', which is not an IP address."))
            .ToArray();
        var networks = SettingsReader.List(section, "KnownNetworks")
            .Select(raw => System.Net.IPNetwork.TryParse(raw, out var network)
                ? network
                : throw new InvalidConfigurationException(SettingsReader.Key(section, "KnownNetworks"), $"has '{raw}', which is not a network in CIDR form (10.0.0.0/8)."))
            .ToArray();
        return new ForwardedHeadersSettings(proxies, networks);
    }
}
