using System.Net;
using System.Text.Json;

namespace IdentityProvider.ConformanceTests;

/// <summary><c>oidcc-config-certification-test-plan</c>: its one module, the discovery document and the key set.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class ConfigPlanTests(SuiteProvider provider)
{
    /// <summary>CheckForUnexpectedParametersInServerMetadata: the metadata names the suite knows (RFC 8414 and OpenID Connect Discovery).</summary>
    private static readonly HashSet<string> KnownMetadata =
    [
        "issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint", "scopes_supported", "response_types_supported",
        "response_modes_supported", "grant_types_supported", "token_endpoint_auth_methods_supported", "token_endpoint_auth_signing_alg_values_supported",
        "service_documentation", "ui_locales_supported", "op_policy_uri", "op_tos_uri", "revocation_endpoint", "revocation_endpoint_auth_methods_supported",
        "revocation_endpoint_auth_signing_alg_values_supported", "introspection_endpoint", "introspection_endpoint_auth_methods_supported",
        "introspection_endpoint_auth_signing_alg_values_supported", "code_challenge_methods_supported", "userinfo_endpoint", "end_session_endpoint",
        "check_session_iframe", "subject_types_supported", "id_token_signing_alg_values_supported", "id_token_encryption_alg_values_supported",
        "id_token_encryption_enc_values_supported", "userinfo_signing_alg_values_supported", "userinfo_encryption_alg_values_supported",
        "userinfo_encryption_enc_values_supported", "request_object_signing_alg_values_supported", "request_object_encryption_alg_values_supported",
        "request_object_encryption_enc_values_supported", "display_values_supported", "claim_types_supported", "claims_supported",
        "claims_locales_supported", "claims_parameter_supported", "request_parameter_supported", "request_uri_parameter_supported",
        "require_request_uri_registration", "acr_values_supported", "frontchannel_logout_supported", "frontchannel_logout_session_supported",
        "backchannel_logout_supported", "backchannel_logout_session_supported", "dpop_signing_alg_values_supported",
        "pushed_authorization_request_endpoint", "require_pushed_authorization_requests", "authorization_response_iss_parameter_supported",
        "device_authorization_endpoint", "require_signed_request_object", "prompt_values_supported", "tls_client_certificate_bound_access_tokens",
        "mtls_endpoint_aliases",
    ];

    [Module("oidcc-discovery-endpoint-verification")]
    public async Task DiscoveryEndpointVerification()
    {
        using var http = provider.NewBackChannel();
        var discoveryUrl = new Uri(provider.Issuer, ".well-known/openid-configuration");

        using var answer = await http.GetAsync(discoveryUrl);
        var metadata = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        // CheckDiscEndpointIssuer, CheckDiscEndpointIssuerIsValidUrl.
        var issuer = new Uri(metadata.GetProperty("issuer").GetString()!);
        Assert.Equal(discoveryUrl.ToString().Replace(".well-known/openid-configuration", "").TrimEnd('/'), issuer.ToString().TrimEnd('/'));
        Assert.Equal(Uri.UriSchemeHttps, issuer.Scheme);
        Assert.True(issuer.Query.Length == 0 && issuer.Fragment.Length == 0 && issuer.UserInfo.Length == 0, issuer.ToString());
        // OIDCCCheckDiscEndpointResponseTypesSupported, CheckDiscEndpointSubjectTypesSupported, ...SigningAlgValuesSupported.
        Assert.Contains("code", Strings(metadata, "response_types_supported"));
        Assert.Contains("public", Strings(metadata, "subject_types_supported"));
        Assert.Contains("RS256", Strings(metadata, "id_token_signing_alg_values_supported"));
        // The endpoints, each an https address; userinfo is "mandatory for certification".
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri" })
        {
            Assert.Equal(Uri.UriSchemeHttps, new Uri(metadata.GetProperty(endpoint).GetString()!).Scheme);
        }

        // ValidateServerMetadataAgainstSchema: the *_supported lists are arrays of strings, the *_parameter_supported flags booleans.
        foreach (var property in metadata.EnumerateObject())
        {
            if (property.Name.EndsWith("_values_supported", StringComparison.Ordinal) || property.Name is "scopes_supported" or "claims_supported" or "grant_types_supported")
            {
                Assert.All(property.Value.EnumerateArray(), value => Assert.Equal(JsonValueKind.String, value.ValueKind));
            }
            else if (property.Name.EndsWith("_parameter_supported", StringComparison.Ordinal))
            {
                Assert.True(property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False, property.Name);
            }
        }

        // CheckForUnexpectedParametersInServerMetadata (a WARNING): every name is one the suite knows.
        Assert.DoesNotContain(metadata.EnumerateObject(), property => !KnownMetadata.Contains(property.Name));
        await AssertKeySetAsync(http, metadata.GetProperty("jwks_uri").GetString()!);
    }

    /// <summary>FetchServerKeys and ValidateJwksSequence: public keys only, well formed, each with a kid of its own.</summary>
    private static async Task AssertKeySetAsync(HttpClient http, string jwksUri)
    {
        var keys = JsonDocument.Parse(await http.GetStringAsync(jwksUri)).RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(keys);
        string[] privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
        foreach (var key in keys)
        {
            var type = key.GetProperty("kty").GetString();
            Assert.NotEqual("oct", type);
            Assert.DoesNotContain(privateMembers, member => key.TryGetProperty(member, out _));
            string[] required = type == "RSA" ? ["n", "e"] : ["x", "y"];
            Assert.All(required, member => Assert.DoesNotContain('=', key.GetProperty(member).GetString()!));
            Assert.False(string.IsNullOrWhiteSpace(key.GetProperty("kid").GetString()));
        }

        var keyIds = keys.Select(key => key.GetProperty("kid").GetString()).ToList();
        Assert.Equal(keyIds.Count, keyIds.Distinct().Count());
    }

    private static string[] Strings(JsonElement metadata, string name) =>
        [.. metadata.GetProperty(name).EnumerateArray().Select(value => value.GetString()!)];
}
