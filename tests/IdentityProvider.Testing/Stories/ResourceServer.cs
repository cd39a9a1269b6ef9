using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// What a resource server and a script ask the provider's protocol endpoints about an access token: its signature
/// against the JWKS, introspection with the service client, and the grant types discovery lists.
/// </summary>
public static class ResourceServer
{
    public const string Issuer = "http://localhost/";

    /// <summary>Validates an access token the way a resource server would: signature from the provider's JWKS, issuer, type.</summary>
    public static async Task<TokenValidationResult> ValidateAsync(HttpClient http, string accessToken) =>
        await ValidateAsync(accessToken, await http.GetStringAsync("/.well-known/jwks"));

    /// <summary>The same against a JWKS read before (e.g. of another instance, or before a key change).</summary>
    public static async Task<TokenValidationResult> ValidateAsync(string accessToken, string jwksJson) =>
        await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKeys = new JsonWebKeySet(jwksJson).GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });

    /// <summary>Introspection by a confidential client (the seeded <c>service</c> by default), as a resource server asks.</summary>
    public static Task<TokenResponse> IntrospectAsync(HttpClient http, string accessToken, string clientId = "service", string clientSecret = TestData.ServiceSecret) =>
        TokenResponse.PostAsync(http, "/connect/introspect", new Dictionary<string, string>
        {
            ["token"] = accessToken,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });

    /// <summary>Whether an introspection answer says the token is active.</summary>
    public static bool IsActive(TokenResponse introspection) =>
        introspection.Json.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.True;

    /// <summary>The <c>grant_types_supported</c> of the discovery document (answered 200 as JSON).</summary>
    public static async Task<string[]> GrantTypesSupportedAsync(HttpClient http)
    {
        const string path = "/.well-known/openid-configuration";
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        Xunit.Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(value => value.GetString() ?? "")];
    }
}
