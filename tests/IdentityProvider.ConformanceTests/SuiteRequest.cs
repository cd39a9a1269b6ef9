using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// An authorization request as the suite builds it (its §"default request"): client_id, redirect_uri, response_type
/// code, scope, a random state and nonce, each module adding or removing parameters. The suite sends them sorted.
/// </summary>
public sealed class SuiteRequest
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public SuiteRequest(SuiteClient client, string redirectUri, string scope, string? responseMode, int stateLength = 10)
    {
        Client = client;
        // The suite's long state ends in "-._~", to see that the provider returns it untouched.
        State = stateLength > 10 ? Random(stateLength - 4) + "-._~" : Random(stateLength);
        Nonce = Random(10);
        Parameters["client_id"] = client.ClientId;
        Parameters["redirect_uri"] = redirectUri;
        Parameters["response_type"] = "code";
        Parameters["scope"] = scope;
        Parameters["state"] = State;
        Parameters["nonce"] = Nonce;
        if (responseMode is not null)
        {
            Parameters["response_mode"] = responseMode;
        }
    }

    public SuiteClient Client { get; }

    public string State { get; }

    public string Nonce { get; }

    /// <summary>Sorted by name, as the suite's redirect builds the query.</summary>
    public SortedDictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The PKCE verifier when the module sends a challenge (128 characters, as the suite's PKCE module).</summary>
    public string? CodeVerifier { get; private set; }

    public SuiteRequest With(string name, string value)
    {
        Parameters[name] = value;
        return this;
    }

    public SuiteRequest Without(string name)
    {
        Parameters.Remove(name);
        return this;
    }

    public SuiteRequest WithPkce()
    {
        CodeVerifier = Random(124) + "-._~";
        return With("code_challenge", Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier))))
            .With("code_challenge_method", "S256");
    }

    public static string Random(int length) =>
        new(Enumerable.Range(0, length).Select(_ => Alphanumerics[RandomNumberGenerator.GetInt32(Alphanumerics.Length)]).ToArray());
}
