namespace IdentityProvider.Settings;

public sealed record SeedUser(string Email, string Password, string Name, string[] Roles);

public sealed record SeedClient(
    string ClientId,
    string? ClientSecret,
    string DisplayName,
    Uri[] RedirectUris,
    Uri[] PostLogoutRedirectUris,
    string[] GrantTypes,
    string[] Scopes,
    string ConsentType,
    bool RefusesImpersonation);

/// <summary><c>Seed:Users[]</c> and <c>Seed:Clients[]</c>: created at start when missing.</summary>
public sealed record SeedSettings(SeedUser[] Users, SeedClient[] Clients)
{
    public const string PersonalAccessTokenGrant = "personal_access_token";

    public static readonly string[] KnownGrantTypes =
        ["authorization_code", "refresh_token", "client_credentials", PersonalAccessTokenGrant];

    public static SeedSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection("Seed");
        var users = section.GetSection("Users").GetChildren().Select(LoadUser).ToArray();
        var clients = section.GetSection("Clients").GetChildren().Select(LoadClient).ToArray();
        return new SeedSettings(users, clients);
    }

    private static SeedUser LoadUser(IConfigurationSection user) => new(
        SettingsReader.Required(user, "Email"),
        SettingsReader.Required(user, "Password"),
        user["Name"]?.Trim() ?? "",
        SettingsReader.List(user, "Roles"));

    private static SeedClient LoadClient(IConfigurationSection client)
    {
        var clientId = SettingsReader.Required(client, "ClientId");
        var secret = string.IsNullOrWhiteSpace(client["ClientSecret"]) ? null : client["ClientSecret"];
        var grantTypes = SettingsReader.List(client, "GrantTypes");
        foreach (var grantType in grantTypes.Where(grant => !KnownGrantTypes.Contains(grant)))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(client, "GrantTypes"),
                $"has '{grantType}'; allowed: {string.Join(", ", KnownGrantTypes)}.");
        }

        if (grantTypes.Length == 0)
        {
            throw new InvalidConfigurationException(SettingsReader.Key(client, "GrantTypes"), "needs at least one grant type.");
        }

        if (grantTypes.Contains("client_credentials") && secret is null)
        {
            throw new InvalidConfigurationException(SettingsReader.Key(client, "ClientSecret"), "is required for the client_credentials grant.");
        }

        var redirectUris = Uris(client, "RedirectUris");
        if (grantTypes.Contains("authorization_code") && redirectUris.Length == 0)
        {
            throw new InvalidConfigurationException(SettingsReader.Key(client, "RedirectUris"), "needs at least one URI for the authorization_code grant.");
        }

        var consentType = client["ConsentType"]?.Trim().ToLowerInvariant() ?? "implicit";
        if (consentType is not ("implicit" or "explicit"))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(client, "ConsentType"), $"must be implicit or explicit (found '{consentType}').");
        }

        return new SeedClient(
            clientId,
            secret,
            client["DisplayName"]?.Trim() is { Length: > 0 } name ? name : clientId,
            redirectUris,
            Uris(client, "PostLogoutRedirectUris"),
            grantTypes,
            SettingsReader.List(client, "Scopes"),
            consentType,
            SettingsReader.Bool(client, "RefusesImpersonation", defaultValue: false));
    }

    private static Uri[] Uris(IConfigurationSection section, string name) =>
        SettingsReader.List(section, name)
            .Select(raw => Uri.TryCreate(raw, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidConfigurationException(SettingsReader.Key(section, name), $"has '{raw}', which is not an absolute URI."))
            .ToArray();
}
