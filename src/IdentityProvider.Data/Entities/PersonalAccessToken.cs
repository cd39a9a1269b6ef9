namespace IdentityProvider.Data.Entities;

/// <summary>
/// A personal access token a user created for scripts. Only a keyed hash of the token is stored
/// (unique), so the database never holds a usable token.
/// </summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Trimmed, 1 to 20 characters, unique among the user's active tokens.</summary>
    public string Label { get; set; } = "";

    /// <summary>HMAC-SHA256 of the token under the server's token key.</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>Space-separated scopes the token may ask for.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>The OpenIddict authorization its access tokens hang on, so revoking the PAT revokes them too.</summary>
    public string? AuthorizationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null when the policy allowed "no expiry".</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
