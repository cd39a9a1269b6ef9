namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>What an administrator enters in the client form (create and edit pages); URIs as typed, one per entry.</summary>
/// <param name="GrantTypes">Protocol names: authorization_code, refresh_token, client_credentials, or the PAT grant's URN.</param>
public sealed record ClientForm(
    string ClientId,
    string DisplayName,
    bool Confidential,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> Scopes)
{
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    public bool ExplicitConsent { get; init; }

    /// <summary>The box "Refuse sessions an administrator opened as the user".</summary>
    public bool RefusesImpersonation { get; init; }

    /// <summary>The form's fields; checkbox lists give one pair per checked value.</summary>
    internal IEnumerable<KeyValuePair<string, string>> Fields(bool isNew)
    {
        if (isNew)
        {
            yield return new("Input.ClientId", ClientId);
            yield return new("Input.Type", Confidential ? "confidential" : "public");
        }

        yield return new("Input.DisplayName", DisplayName);
        yield return new("Input.RedirectUris", string.Join("\n", RedirectUris));
        yield return new("Input.PostLogoutRedirectUris", string.Join("\n", PostLogoutRedirectUris));
        foreach (var grantType in GrantTypes)
        {
            yield return new("Input.GrantTypes", grantType);
        }

        foreach (var scope in Scopes)
        {
            yield return new("Input.Scopes", scope);
        }

        yield return new("Input.ConsentType", ExplicitConsent ? "explicit" : "implicit");
        if (RefusesImpersonation)
        {
            yield return new("Input.RefusesImpersonation", "true");
        }
    }
}
