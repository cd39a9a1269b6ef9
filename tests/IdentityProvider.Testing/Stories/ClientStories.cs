using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IdentityProvider.Testing.Stories;

/// <summary>Clients and scopes registered through the admin API, and what a client does with its secret.</summary>
public static class ClientStories
{
    public const string ClientsPath = "/api/admin/clients";
    public const string ScopesPath = "/api/admin/scopes";

    /// <summary>A client id no other test uses.</summary>
    public static string NewClientId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A confidential service client (client credentials, scope <c>api</c>) registered through the API: its secret.</summary>
    public static async Task<string> CreateServiceClientAsync(HttpClient api, string clientId, params string[] scopes)
    {
        using var response = await api.PostAsJsonAsync(ClientsPath, new
        {
            clientId,
            displayName = "Service " + clientId,
            type = "confidential",
            grantTypes = new[] { "client_credentials" },
            scopes = scopes.Length == 0 ? ["api"] : scopes,
        });
        var body = await response.JsonAsync();
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var secret = body.GetProperty("clientSecret").GetString()!;
        SuiteSecrets.Remember(SuiteSecrets.ClientSecret, secret);
        return secret;
    }

    /// <summary>The token endpoint's answer to a client credentials request.</summary>
    public static async Task<TokenResponse> ClientCredentialsAsync(HttpClient http, string clientId, string secret, string scope = "api") =>
        await TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });

    /// <summary>Registers a scope through the API (201 asserted).</summary>
    public static async Task CreateScopeAsync(HttpClient api, string name, string displayName, string description)
    {
        using var response = await api.PostAsJsonAsync(ScopesPath, new { name, displayName, description });
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Discovery's <c>scopes_supported</c>.</summary>
    public static async Task<IReadOnlyList<string>> DiscoveryScopesAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/.well-known/openid-configuration");
        var document = await response.JsonAsync();
        return document.GetProperty("scopes_supported").EnumerateArray().Select(scope => scope.GetString()!).ToList();
    }

    /// <summary>The messages a validation problem document gives for <paramref name="field"/> (camelCase).</summary>
    public static IReadOnlyList<string> FieldErrors(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(message => message.GetString()!).ToList()
            : [];
}
