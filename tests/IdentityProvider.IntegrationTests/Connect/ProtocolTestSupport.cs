using System.Net;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>Small helpers the protocol tests of this folder share: reading pages, redirects, JSON and JWTs.</summary>
internal static class ProtocolTestSupport
{
    public const string Issuer = "http://localhost/";

    /// <summary>
    /// Signs a seeded user (Alice, Bob, the consent users: known by e-mail and password, not by a <c>TestUser</c>)
    /// in with the password at the relying party's request; where that leads (the relying party, the consent page).
    /// </summary>
    public static async Task<ProviderPage> SignInWithPasswordAsync(ProviderClient client, AuthorizationRequest request, string email, string password) =>
        await (await LoginPage.OpenAsync(client, request)).SignInAsync(email, password);

    /// <summary>The parameters of a redirect, from its query and its fragment (errors of fragment-mode requests).</summary>
    public static Dictionary<string, string> RedirectParameters(Uri redirect)
    {
        var parameters = QueryHelpers.ParseQuery(redirect.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        if (redirect.Fragment.Length > 1)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(redirect.Fragment[1..]))
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }

    /// <summary>The redirect target without query and fragment, to compare with a registered URI.</summary>
    public static string WithoutQuery(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The userinfo answer for <paramref name="accessToken"/> (asserted 200).</summary>
    public static async Task<JsonElement> UserInfoAsync(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"userinfo answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The names of a JSON object's members (the claims of a payload or a userinfo answer).</summary>
    public static string[] Names(JsonElement json) => [.. json.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal)];

    public static string[] Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(value => value.GetString() ?? "")];

    /// <summary>The decoded payload of a JWT, for claims whose JSON shape matters (e.g. <c>amr</c> as an array).</summary>
    public static JsonElement Payload(JsonWebToken token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement.Clone();

    public static long AuthTime(JsonWebToken idToken) =>
        idToken.TryGetPayloadValue<long>("auth_time", out var authTime)
            ? authTime
            : throw new InvalidOperationException("The id_token has no auth_time.");

    public static Task<TokenResponse> RevokeAsync(HttpClient http, string token, string tokenTypeHint, string clientId, string clientSecret) =>
        TokenResponse.PostAsync(http, "/connect/revoke", new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = tokenTypeHint,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });

    /// <summary>
    /// The OAuth error of an authorization request, wherever the provider put it: in a redirect to
    /// <paramref name="registeredRedirectUri"/>, or on its own error page. Fails on a 500, on a code, on a
    /// redirect anywhere else, and on an error page that names no error.
    /// </summary>
    public static async Task<string> AuthorizationErrorAsync(ProviderClient client, string url, string registeredRedirectUri)
    {
        using var response = await client.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body}");
        if (response.Headers.Location is { } location)
        {
            Assert.True(location.IsAbsoluteUri, $"Redirected inside the provider to {location} instead of answering");
            Assert.Equal(registeredRedirectUri, WithoutQuery(location));
            var parameters = RedirectParameters(location);
            Assert.False(parameters.ContainsKey("code"), location.ToString());
            return parameters["error"];
        }

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        return ErrorCodeOnPage(body);
    }

    /// <summary>The OAuth error code the provider's error page shows.</summary>
    public static string ErrorCodeOnPage(string body)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        return document.QuerySelector("#error-code")?.TextContent.Trim()
            ?? throw new Xunit.Sdk.XunitException($"The error page names no error: {document.Body?.TextContent.Trim()}");
    }
}
