using IdentityProvider.Users;

namespace IdentityProvider.Testing;

/// <summary>The users and clients every test provider is seeded with.</summary>
public static class TestData
{
    static TestData()
    {
        foreach (var password in new[] { AlicePassword, BobPassword })
        {
            SuiteSecrets.Remember(SuiteSecrets.Password, password);
        }

        foreach (var secret in new[] { WebSecret, ServiceSecret, AdminServiceSecret })
        {
            SuiteSecrets.Remember(SuiteSecrets.ClientSecret, secret);
        }
    }

    public const string AlicePassword = "alice-correct-horse";
    public const string BobPassword = "bob-battery-staple";
    public const string WebSecret = "web-client-secret-value";
    public const string ServiceSecret = "service-client-secret-value";
    public const string AdminServiceSecret = "admin-service-secret-value";
    public const string WebRedirectUri = "https://rp.example/signin-oidc";
    public const string WebPostLogoutUri = "https://rp.example/signed-out";
    public const string SpaRedirectUri = "https://spa.example/callback";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Server:RequireHttps"] = "false",
        ["RateLimiting:SignInPerMinute"] = "100000",
        ["RateLimiting:TokenPerMinute"] = "100000",
        // The growing delays per address are tested on their own (SignInThrottleTests); elsewhere tests count lockouts.
        ["Lockout:FreeAttemptsPerAddress"] = "100",
        // Without SMTP, mails are written as files: into the temporary folder, never into the source tree.
        ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "idp-test-mail"),
        ["Seed:Users:0:Email"] = "alice@example.com",
        ["Seed:Users:0:Password"] = AlicePassword,
        ["Seed:Users:0:Name"] = "Alice Example",
        ["Seed:Users:0:Roles:0"] = ProviderRoles.Administrator,
        ["Seed:Users:1:Email"] = "bob@example.com",
        ["Seed:Users:1:Password"] = BobPassword,
        ["Seed:Users:1:Name"] = "Bob Example",
        // A confidential first-party web site: implicit consent.
        ["Seed:Clients:0:ClientId"] = "web",
        ["Seed:Clients:0:ClientSecret"] = WebSecret,
        ["Seed:Clients:0:DisplayName"] = "Web site",
        ["Seed:Clients:0:RedirectUris:0"] = WebRedirectUri,
        ["Seed:Clients:0:PostLogoutRedirectUris:0"] = WebPostLogoutUri,
        ["Seed:Clients:0:GrantTypes:0"] = "authorization_code",
        ["Seed:Clients:0:GrantTypes:1"] = "refresh_token",
        ["Seed:Clients:0:Scopes:0"] = "openid",
        ["Seed:Clients:0:Scopes:1"] = "profile",
        ["Seed:Clients:0:Scopes:2"] = "email",
        ["Seed:Clients:0:Scopes:3"] = "offline_access",
        ["Seed:Clients:0:Scopes:4"] = "roles",
        ["Seed:Clients:0:Scopes:5"] = "api",
        ["Seed:Clients:0:Scopes:6"] = "phone",
        ["Seed:Clients:0:ConsentType"] = "implicit",
        // A public third-party app: PKCE required, explicit consent.
        ["Seed:Clients:1:ClientId"] = "spa",
        ["Seed:Clients:1:DisplayName"] = "Third-party app",
        ["Seed:Clients:1:RedirectUris:0"] = SpaRedirectUri,
        ["Seed:Clients:1:GrantTypes:0"] = "authorization_code",
        ["Seed:Clients:1:GrantTypes:1"] = "refresh_token",
        ["Seed:Clients:1:Scopes:0"] = "openid",
        ["Seed:Clients:1:Scopes:1"] = "profile",
        ["Seed:Clients:1:Scopes:2"] = "email",
        ["Seed:Clients:1:Scopes:3"] = "api",
        ["Seed:Clients:1:ConsentType"] = "explicit",
        // A service: client credentials only.
        ["Seed:Clients:2:ClientId"] = "service",
        ["Seed:Clients:2:ClientSecret"] = ServiceSecret,
        ["Seed:Clients:2:GrantTypes:0"] = "client_credentials",
        ["Seed:Clients:2:Scopes:0"] = "api",
        // Automation: client credentials for the admin API (index 8: fixtures add their own clients at 3 to 7, the
        // relying-party rig at 9).
        ["Seed:Clients:8:ClientId"] = "admin-service",
        ["Seed:Clients:8:ClientSecret"] = AdminServiceSecret,
        ["Seed:Clients:8:GrantTypes:0"] = "client_credentials",
        ["Seed:Clients:8:Scopes:0"] = "idp.admin",
    };

    /// <summary>
    /// The settings of a public client allowed the personal access token grant for <paramref name="scopes"/>, seeded at
    /// <c>Seed:Clients:{index}</c> (3 to 7 are free: 0 to 2 and 8 are the clients above, 9 is the relying-party rig's).
    /// </summary>
    public static Dictionary<string, string?> TokenClient(int index, string clientId, string? displayName, params string[] scopes)
    {
        var prefix = $"Seed:Clients:{index}:";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "ClientId"] = clientId,
            [prefix + "DisplayName"] = displayName,
            [prefix + "GrantTypes:0"] = "personal_access_token",
        };
        for (var scope = 0; scope < scopes.Length; scope++)
        {
            settings[$"{prefix}Scopes:{scope}"] = scopes[scope];
        }

        return settings;
    }
}
