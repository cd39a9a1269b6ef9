using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IdentityProvider.Testing.Stories;

/// <summary>Callers of the admin API: the seeded service client (client credentials, scope idp.admin), or any bearer token.</summary>
public static class AdminApiStories
{
    public const string AdminScope = "idp.admin";

    /// <summary>An access token of a client (the seeded <c>admin-service</c> by default) for <paramref name="scope"/>.</summary>
    public static async Task<string> ServiceTokenAsync(
        ProviderFactory factory, string scope = AdminScope, string clientId = "admin-service", string secret = TestData.AdminServiceSecret)
    {
        using var http = factory.CreateClient();
        var tokens = await TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });
        return tokens.AccessToken ?? throw new Xunit.Sdk.XunitException($"No admin API token: {tokens.Json}");
    }

    /// <summary>An HTTP client of the provider sending <paramref name="accessToken"/> (none: anonymous).</summary>
    public static HttpClient ApiClient(ProviderFactory factory, string? accessToken)
    {
        var http = factory.CreateClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    /// <summary>An HTTP client acting as the seeded service client.</summary>
    public static async Task<HttpClient> ServiceApiClientAsync(ProviderFactory factory) => ApiClient(factory, await ServiceTokenAsync(factory));

    /// <summary>The JSON body of an answer (problem documents included).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
}
