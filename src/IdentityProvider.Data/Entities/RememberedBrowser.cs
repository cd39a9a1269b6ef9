namespace IdentityProvider.Data.Entities;

/// <summary>
/// A browser whose user chose "Remember one-time password on this browser". The cookie holds a random
/// value; only its hash is stored, with the security stamp of the moment, so a password change voids it.
/// </summary>
public sealed class RememberedBrowser
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public byte[] TokenHash { get; set; } = [];

    public string SecurityStamp { get; set; } = "";

    public string UserAgent { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }
}
