namespace IdentityProvider.Settings;

public enum SigningAlgorithm
{
    RS256,
    ES256,
}

/// <summary><c>Server:*</c>: how the provider presents itself and signs tokens.</summary>
public sealed record ServerSettings(Uri? Issuer, bool RequireHttps, SigningAlgorithm SigningAlgorithm)
{
    public static ServerSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Server");
        Uri? issuer = null;
        var rawIssuer = section["Issuer"];
        if (!string.IsNullOrWhiteSpace(rawIssuer)
            && (!Uri.TryCreate(rawIssuer, UriKind.Absolute, out issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidConfigurationException("Server:Issuer", $"must be an absolute http(s) URL (found '{rawIssuer}').");
        }

        return new ServerSettings(
            issuer,
            SettingsReader.Bool(section, "RequireHttps", true),
            SettingsReader.Enum(section, "SigningAlgorithm", SigningAlgorithm.RS256));
    }
}
