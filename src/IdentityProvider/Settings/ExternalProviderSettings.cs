using System.Text.RegularExpressions;

namespace IdentityProvider.Settings;

/// <summary>
/// One upstream identity provider users may sign in with instead of a password (<c>ExternalProviders:N</c>): any
/// OpenID Connect provider by its <see cref="Authority"/>, or a named integration (<see cref="Provider"/>).
/// </summary>
/// <param name="Id">URL-safe and unique: the callback is <c>{issuer}/signin/{Id}/callback</c>.</param>
/// <param name="Name">The button says "Sign in with {Name}".</param>
/// <param name="AllowRegistration">A first sign-in of an unknown person creates a local user (no password).</param>
public sealed record ExternalProvider(
    string Id,
    string Name,
    Uri? Authority,
    string? Provider,
    string ClientId,
    string? ClientSecret,
    string[] Scopes,
    bool AllowRegistration)
{
    /// <summary>Where the upstream sends the browser back; register <c>{issuer}/signin/{Id}/callback</c> there.</summary>
    public string CallbackPath => $"/signin/{Id}/callback";
}

/// <summary><c>ExternalProviders[]</c>: checked at start (unique URL-safe ids, one of Authority or Provider, https outside Development).</summary>
public static partial class ExternalProviderSettings
{
    /// <summary>The named integrations of OpenIddict.Client.WebIntegration the provider wires up.</summary>
    public static readonly string[] NamedProviders = ["GitHub", "Google", "Microsoft", "Yandex", "VkId"];

    public static ExternalProvider[] Load(IConfiguration configuration, IHostEnvironment environment)
    {
        // Note: a plain-http loopback upstream only where the provider itself runs without TLS (development, tests).
        var plainHttpAllowed = environment.IsDevelopment() || !SettingsReader.Bool(configuration.GetSection("Server"), "RequireHttps", true);
        var providers = configuration.GetSection("ExternalProviders").GetChildren().Select(section => LoadOne(section, plainHttpAllowed)).ToArray();
        if (providers.GroupBy(provider => provider.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw new InvalidConfigurationException("ExternalProviders", $"has the Id '{duplicate.Key}' twice; each provider needs its own.");
        }

        return providers;
    }

    private static ExternalProvider LoadOne(IConfigurationSection section, bool plainHttpAllowed)
    {
        var id = SettingsReader.Required(section, "Id");
        if (!UrlSafeId().IsMatch(id))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Id"), "must be 1 to 32 lower-case letters, digits or '-' (it is part of the callback URL).");
        }

        var authorityText = section["Authority"]?.Trim();
        var named = section["Provider"]?.Trim();
        if (string.IsNullOrEmpty(authorityText) == string.IsNullOrEmpty(named))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Authority"), "or Provider is needed, not both: an OpenID Connect authority URL or a named integration.");
        }

        Uri? authority = null;
        if (!string.IsNullOrEmpty(authorityText))
        {
            authority = Uri.TryCreate(authorityText, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? uri
                : throw new InvalidConfigurationException(SettingsReader.Key(section, "Authority"), $"has '{authorityText}', which is not an absolute http(s) URL.");
            // Note: plain http only for a loopback upstream while developing; tokens and codes travel over this link.
            if (uri.Scheme != "https" && !(plainHttpAllowed && uri.IsLoopback))
            {
                throw new InvalidConfigurationException(SettingsReader.Key(section, "Authority"),
                    "must use https (plain http only for a loopback address, in Development or with Server:RequireHttps false).");
            }
        }

        var provider = named is null ? null : NamedProviders.FirstOrDefault(candidate => candidate.Equals(named, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidConfigurationException(SettingsReader.Key(section, "Provider"), $"has '{named}'; known: {string.Join(", ", NamedProviders)}.");
        return new ExternalProvider(
            id,
            SettingsReader.Required(section, "Name"),
            authority,
            provider,
            SettingsReader.Required(section, "ClientId"),
            string.IsNullOrWhiteSpace(section["ClientSecret"]) ? null : section["ClientSecret"],
            SettingsReader.List(section, "Scopes"),
            SettingsReader.Bool(section, "AllowRegistration", defaultValue: false));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex UrlSafeId();
}
