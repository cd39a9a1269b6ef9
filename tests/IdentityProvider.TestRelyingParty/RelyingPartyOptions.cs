namespace IdentityProvider.TestRelyingParty;

/// <summary>How the test relying party talks to the provider.</summary>
/// <param name="Authority">The provider's issuer; discovery is read from it.</param>
/// <param name="ClientId">The client registered at the provider.</param>
/// <param name="ClientSecret">Secret of a confidential client; null for a public client.</param>
/// <param name="BaseAddress">Where Kestrel listens, e.g. http://127.0.0.1:5123/.</param>
public sealed record RelyingPartyOptions(Uri Authority, string ClientId, string? ClientSecret, Uri BaseAddress)
{
    public string[] Scopes { get; init; } = ["openid", "profile", "email", "offline_access"];

    /// <summary>Sent as acr_values on every challenge when set, e.g. "mfa" (a sign-in by <c>/login?acr_values=…</c> sends its own).</summary>
    public string? AcrValues { get; init; }

    public bool UsePkce { get; init; } = true;
}
