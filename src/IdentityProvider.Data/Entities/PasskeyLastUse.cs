namespace IdentityProvider.Data.Entities;

/// <summary>
/// When a passkey last proved a sign-in. Note: Identity's passkey record keeps no time of use, so it is kept beside it,
/// one row per credential, deleted with the passkey.
/// </summary>
public sealed class PasskeyLastUse
{
    public byte[] CredentialId { get; set; } = [];

    public DateTimeOffset LastUsedAt { get; set; }
}
