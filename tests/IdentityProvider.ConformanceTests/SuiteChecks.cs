using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.ConformanceTests;

/// <summary>The suite's conditions on id_tokens, userinfo answers and error responses, each named after its condition class.</summary>
public static class SuiteChecks
{
    /// <summary>CheckForUnexpectedParametersInErrorResponseFromAuthorizationEndpoint: what an error response may carry.</summary>
    private static readonly HashSet<string> ErrorResponseParameters = ["error", "error_description", "error_uri", "state", "session_state", "iss"];

    /// <summary>ValidateUserInfoStandardClaims: the claims that must be non-blank strings when present.</summary>
    private static readonly string[] StringClaims =
    [
        "sub", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
        "email", "gender", "zoneinfo", "locale", "phone_number", "txn",
    ];

    /// <summary>CheckErrorFromAuthorizationEndpointIsOneThatRequiredAUserInterface: the errors of a <c>prompt=none</c> without a session.</summary>
    public static readonly string[] UserInterfaceErrors = ["interaction_required", "login_required", "account_selection_required", "consent_required"];

    /// <summary>EnsureIdTokenDoesNotContainNonRequestedClaims: what an id_token for scope <c>openid</c> may hold.</summary>
    public static readonly HashSet<string> OpenIdOnlyClaims =
    [
        "iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash", "nbf", "jti", "sid", "s_hash", "txn",
    ];

    /// <summary>
    /// CheckForKeyIdInServerJWKs, ValidateIdTokenSignature (the header's kid names one key), ValidateIdTokenNonce,
    /// ValidateIdToken (iat not over 5 minutes off), CheckForSubjectInIdToken, auth_time within a year, acr not empty,
    /// EnsureIdTokenUpdatedAtValid.
    /// </summary>
    public static void IdToken(JsonWebToken token, IEnumerable<SecurityKey> keys, string? nonce, DateTimeOffset now)
    {
        var keyIds = keys.Select(key => key.KeyId).ToList();
        Assert.All(keyIds, keyId => Assert.False(string.IsNullOrWhiteSpace(keyId), "A JWKS key has no kid."));
        Assert.Equal(keyIds.Count, keyIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(keyIds, keyId => keyId == token.Kid);

        if (nonce is not null)
        {
            Assert.Equal(nonce, token.GetClaim("nonce").Value);
        }

        Assert.InRange(token.IssuedAt, now.UtcDateTime.AddMinutes(-5), now.UtcDateTime.AddMinutes(5));
        Assert.InRange(token.Subject.Length, 1, 255);
        Assert.All(token.Subject, character => Assert.InRange(character, ' ', '~'));
        if (token.TryGetPayloadValue<long>("auth_time", out var authTime))
        {
            Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(authTime), now.AddYears(-1), now.AddMinutes(5));
        }

        if (token.TryGetPayloadValue<object>("acr", out _))
        {
            Assert.True(token.TryGetPayloadValue<string>("acr", out var acr) && acr.Length > 0, "acr is not a non-empty string.");
        }

        if (token.TryGetPayloadValue<long>("updated_at", out var updatedAt))
        {
            Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(updatedAt), new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero), now.AddMinutes(5));
        }
    }

    /// <summary>ValidateUserInfoStandardClaims, EnsureUserInfoContainsSub, EnsureUserInfoUpdatedAtValid.</summary>
    public static void UserInfo(JsonElement claims)
    {
        Assert.Equal(JsonValueKind.Object, claims.ValueKind);
        Assert.True(claims.TryGetProperty("sub", out _), $"Userinfo has no sub: {claims}");
        foreach (var name in StringClaims)
        {
            if (claims.TryGetProperty(name, out var value))
            {
                Assert.True(value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 && value.GetString() != "null",
                    $"Userinfo's {name} is not a non-blank string: {value}");
            }
        }

        foreach (var name in new[] { "email_verified", "phone_number_verified" })
        {
            if (claims.TryGetProperty(name, out var value))
            {
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"Userinfo's {name} is not a boolean: {value}");
            }
        }

        if (claims.TryGetProperty("updated_at", out var updatedAt))
        {
            Assert.Equal(JsonValueKind.Number, updatedAt.ValueKind);
        }
    }

    /// <summary>The suite's generic error-response validation (its §2.7); the error code.</summary>
    public static string AuthorizationError(IReadOnlyDictionary<string, string> response, string state, string? issuer)
    {
        Assert.True(response.TryGetValue("error", out var error) && error.Length > 0, $"No error in the response: {string.Join(", ", response)}");
        Assert.Equal(state, response.GetValueOrDefault("state"));
        if (response.TryGetValue("iss", out var iss))
        {
            Assert.Equal(issuer, iss);
        }

        Assert.False(response.ContainsKey("code"), "An error response carries a code.");
        Assert.DoesNotContain(response.Keys, key => !ErrorResponseParameters.Contains(key));
        if (response.TryGetValue("error_description", out var description))
        {
            Assert.All(description, character => Assert.True(character is '\t' or '\n' or '\r' or (>= ' ' and <= '~') && character is not '"' and not '\\',
                $"error_description has a character the suite refuses: {description}"));
            Assert.DoesNotContain('\n', description);
        }

        return error;
    }

    /// <summary>Shannon entropy of <paramref name="text"/> in bits (EnsureMinimumAuthorizationCodeEntropy: over 96 for the code).</summary>
    public static double EntropyBits(string text) =>
        text.GroupBy(character => character)
            .Select(group => (double)group.Count() / text.Length)
            .Sum(probability => -probability * Math.Log2(probability)) * text.Length;
}
