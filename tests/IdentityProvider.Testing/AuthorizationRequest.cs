using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.Testing;

/// <summary>An authorization code request as a relying party builds it, with state, nonce and PKCE (S256).</summary>
public sealed record AuthorizationRequest(string ClientId, string RedirectUri, string Scope = "openid profile email offline_access")
{
    public string State { get; init; } = Random();

    public string Nonce { get; init; } = Random();

    public string CodeVerifier { get; init; } = Random() + Random();

    public bool UsePkce { get; init; } = true;

    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    public string CodeChallenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public string ToUrl()
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["state"] = State,
            ["nonce"] = Nonce,
        };
        if (UsePkce)
        {
            query["code_challenge"] = CodeChallenge;
            query["code_challenge_method"] = "S256";
        }

        foreach (var (key, value) in Extra)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
}
