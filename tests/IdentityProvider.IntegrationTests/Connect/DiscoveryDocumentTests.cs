using IdentityProvider.Clients;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.OutputCaching;
using OpenIddict.Abstractions;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>What the discovery document and the JWKS tell relying parties and resource servers.</summary>
public class DiscoveryDocumentTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Theory]
    [InlineData("authorization_endpoint", "http://localhost/connect/authorize")]
    [InlineData("token_endpoint", "http://localhost/connect/token")]
    [InlineData("userinfo_endpoint", "http://localhost/connect/userinfo")]
    [InlineData("end_session_endpoint", "http://localhost/connect/endsession")]
    [InlineData("introspection_endpoint", "http://localhost/connect/introspect")]
    [InlineData("revocation_endpoint", "http://localhost/connect/revoke")]
    [InlineData("jwks_uri", "http://localhost/.well-known/jwks")]
    public async Task Discovery_Endpoint_IsAdvertisedAtItsPath(string field, string expected)
    {
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        Assert.True(discovery.TryGetProperty(field, out var value), $"{field} is missing: {discovery}");
        Assert.Equal(expected, value.GetString());
    }

    [Fact]
    public async Task Discovery_Issuer_IsTheProviderBaseAddress()
    {
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        Assert.Equal(Issuer, discovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Discovery_GrantTypes_AreCodeRefreshAndClientCredentialsOnly()
    {
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");
        var grantTypes = Strings(discovery.GetProperty("grant_types_supported"));

        Assert.Contains("authorization_code", grantTypes);
        Assert.Contains("refresh_token", grantTypes);
        Assert.Contains("client_credentials", grantTypes);
        Assert.DoesNotContain("implicit", grantTypes);
        Assert.DoesNotContain("password", grantTypes);
    }

    [Fact]
    public async Task Discovery_CodeChallengeMethods_AreExactlyS256()
    {
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        Assert.Equal(["S256"], Strings(discovery.GetProperty("code_challenge_methods_supported")));
    }

    [Fact]
    public async Task Discovery_ResponseTypes_AreCodeOnly()
    {
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        // Note: no "token", "id_token" or hybrid combinations such as "code id_token".
        Assert.Equal(["code"], Strings(discovery.GetProperty("response_types_supported")));
    }

    [Fact]
    public async Task Discovery_ScopesAndClaims_ListWhatIsServed_AndTheClaimsParameter()
    {
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        var scopes = Strings(discovery.GetProperty("scopes_supported"));
        Assert.Superset(new HashSet<string>(["openid", "profile", "email", "phone", "roles", "offline_access"]), scopes.ToHashSet());
        Assert.DoesNotContain("address", scopes);
        var claims = Strings(discovery.GetProperty("claims_supported"));
        Assert.Superset(new HashSet<string>(["sub", "name", "given_name", "family_name", "preferred_username", "locale", "zoneinfo", "updated_at",
            "email", "email_verified", "phone_number", "phone_number_verified"]), claims.ToHashSet());
        Assert.DoesNotContain("address", claims);
        Assert.True(discovery.GetProperty("claims_parameter_supported").GetBoolean());
    }

    [Fact]
    public async Task Discovery_AnAddressScopeRowFromAnOlderSeeding_IsNotAdvertised()
    {
        // Before the rule, seeding registered every scope a configured client named that was not a standard one it served.
        await provider.Factory.WithServiceAsync<IOpenIddictScopeManager, object>(scopes =>
            scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = "address", DisplayName = "address" }).AsTask());
        await provider.Factory.WithServiceAsync<IOutputCacheStore, bool>(async cache =>
        {
            await cache.EvictByTagAsync(DiscoveryCache.Tag, CancellationToken.None);
            return true;
        });
        using var client = provider.CreateClient();

        var discovery = await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        Assert.DoesNotContain("address", Strings(discovery.GetProperty("scopes_supported")));
    }

    [Fact]
    public async Task Jwks_SigningKeys_AreRs256AndEs256PublicKeys()
    {
        using var client = provider.CreateClient();

        var jwks = await GetJsonAsync(client.Http, "/.well-known/jwks");
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();

        var rsa = Assert.Single(keys, key => key.GetProperty("kty").GetString() == "RSA");
        Assert.Equal("RS256", rsa.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(rsa.GetProperty("kid").GetString()));
        Assert.False(string.IsNullOrEmpty(rsa.GetProperty("n").GetString()));
        Assert.False(string.IsNullOrEmpty(rsa.GetProperty("e").GetString()));

        var ec = Assert.Single(keys, key => key.GetProperty("kty").GetString() == "EC");
        Assert.Equal("ES256", ec.GetProperty("alg").GetString());
        Assert.Equal("P-256", ec.GetProperty("crv").GetString());
        Assert.False(string.IsNullOrEmpty(ec.GetProperty("kid").GetString()));
    }

    [Fact]
    public async Task Jwks_Keys_CarryNoPrivateParts()
    {
        using var client = provider.CreateClient();

        var jwks = await GetJsonAsync(client.Http, "/.well-known/jwks");
        var keys = jwks.GetProperty("keys").EnumerateArray().ToList();

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            // Note: "d" is the private exponent (RSA) or scalar (EC); p, q, dp, dq, qi are RSA's CRT parts;
            // "k" would be a symmetric key.
            foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
            {
                Assert.False(key.TryGetProperty(privatePart, out _), $"The JWKS publishes '{privatePart}': {key}");
            }

            Assert.NotEqual("oct", key.GetProperty("kty").GetString());
        }
    }

    [Fact]
    public async Task AccessToken_KeyId_IsPublishedInJwks()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        var jwks = await GetJsonAsync(client.Http, "/.well-known/jwks");
        var keyIds = jwks.GetProperty("keys").EnumerateArray().Select(key => key.GetProperty("kid").GetString()).ToList();

        Assert.Contains(tokens.AccessTokenJwt.Kid, keyIds);
        Assert.Contains(tokens.IdTokenJwt.Kid, keyIds);
        // RS256 is the default signing algorithm (docs/PERFORMANCE.md), for compatibility.
        Assert.Equal("RS256", tokens.AccessTokenJwt.Alg);
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    public async Task Document_AskedAgain_IsAnsweredFromMemoryUnchanged(string path)
    {
        using var client = provider.CreateClient();

        using var first = await client.Http.GetAsync(path);
        using var second = await client.Http.GetAsync(path);
        using var withQuery = await client.Http.GetAsync(path + "?junk=1");

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        // The output cache marks what it replays with Age; a query string is never kept.
        Assert.NotNull(second.Headers.Age);
        Assert.Null(withQuery.Headers.Age);
    }

    [Fact]
    public async Task Discovery_CachedForOneHost_NamesTheHostAskedUnderForAnother()
    {
        using var client = provider.CreateClient();
        await GetJsonAsync(client.Http, "/.well-known/openid-configuration");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "id.example.org";
        using var response = await client.Http.SendAsync(request);
        var discovery = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("http://id.example.org/", discovery.GetProperty("issuer").GetString());
    }
}
