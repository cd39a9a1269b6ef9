using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.Testing;

/// <summary>A token endpoint answer: the JSON body with the fields tests read.</summary>
public sealed record TokenResponse(HttpStatusCode Status, JsonElement Json)
{
    public string? AccessToken => Field("access_token");

    public string? IdToken => Field("id_token");

    public string? RefreshToken => Field("refresh_token");

    public string? Error => Field("error");

    public string? ErrorDescription => Field("error_description");

    public JsonWebToken IdTokenJwt => new(IdToken ?? throw new InvalidOperationException($"No id_token: {Json}"));

    /// <summary>The id_token's <c>amr</c>, which must be a JSON array (RFC 8176) even with one value.</summary>
    public string[] Amr
    {
        get
        {
            var amr = JsonDocument.Parse(Base64UrlEncoder.Decode(IdTokenJwt.EncodedPayload)).RootElement.GetProperty("amr");
            Xunit.Assert.Equal(JsonValueKind.Array, amr.ValueKind);
            return amr.EnumerateArray().Select(value => value.GetString()!).ToArray();
        }
    }

    /// <summary>The id_token's <c>acr</c>.</summary>
    public string Acr => IdTokenJwt.GetClaim("acr").Value;

    public JsonWebToken AccessTokenJwt => new(AccessToken ?? throw new InvalidOperationException($"No access_token: {Json}"));

    public static async Task<TokenResponse> PostAsync(HttpClient http, string path, IReadOnlyDictionary<string, string> form)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone());
    }

    public static Task<TokenResponse> ExchangeCodeAsync(HttpClient http, AuthorizationRequest request, string code, string? clientSecret)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = request.RedirectUri,
            ["client_id"] = request.ClientId,
        };
        if (request.UsePkce)
        {
            form["code_verifier"] = request.CodeVerifier;
        }

        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        return PostAsync(http, "/connect/token", form);
    }

    public static Task<TokenResponse> RefreshAsync(HttpClient http, string clientId, string? clientSecret, string refreshToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
        };
        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        return PostAsync(http, "/connect/token", form);
    }

    private string? Field(string name) => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) ? value.ToString() : null;
}
