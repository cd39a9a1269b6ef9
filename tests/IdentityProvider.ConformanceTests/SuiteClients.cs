namespace IdentityProvider.ConformanceTests;

/// <summary>
/// A static client of the suite's configuration (<c>client</c>, <c>client2</c>, <c>client_secret_post</c>), registered
/// with the suite's redirect and post-logout addresses. The secret is 32 bytes or more: the bad-id_token_hint module
/// signs its forged hint with it.
/// </summary>
public sealed record SuiteClient(string ClientId, string ClientSecret)
{
    /// <summary>The configuration keys that seed this client at <c>Seed:Clients:{index}</c>, with the suite's addresses.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Seed(int index, SuiteServer suite)
    {
        var prefix = $"Seed:Clients:{index}:";
        string[] scopes = ["openid", "profile", "email", "phone", "offline_access"];
        return new Dictionary<string, string?>
        {
            [prefix + "ClientId"] = ClientId,
            [prefix + "ClientSecret"] = ClientSecret,
            [prefix + "DisplayName"] = "OpenID Foundation conformance suite",
            [prefix + "RedirectUris:0"] = suite.RedirectUri,
            [prefix + "PostLogoutRedirectUris:0"] = suite.PostLogoutRedirectUri,
            [prefix + "GrantTypes:0"] = "authorization_code",
            [prefix + "GrantTypes:1"] = "refresh_token",
            [prefix + "ConsentType"] = "implicit",
        }.Concat(scopes.Select((scope, at) => KeyValuePair.Create(prefix + $"Scopes:{at}", (string?)scope)));
    }
}

/// <summary>The three static clients a Basic OP plan is configured with.</summary>
public static class SuiteClients
{
    public static readonly SuiteClient Client = new("conformance", "conformance-client-secret-0123456789abcdef");

    public static readonly SuiteClient Client2 = new("conformance2", "conformance-client2-secret-0123456789abcdef");

    public static readonly SuiteClient ClientSecretPost = new("conformance-post", "conformance-post-secret-0123456789abcdef");

    public static IReadOnlyList<SuiteClient> All { get; } = [Client, Client2, ClientSecretPost];
}
