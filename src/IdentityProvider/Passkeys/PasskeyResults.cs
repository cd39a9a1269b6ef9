using IdentityProvider.Data.Entities;
using IdentityProvider.Text;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Passkeys;

/// <summary>Why a ceremony was refused.</summary>
public enum PasskeyRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The ceremony's state is forged, spent (a replay), of another user or ceremony, or expired: start again.</summary>
    CeremonyExpired,

    /// <summary>The credential is not one of the user's passkeys (unknown, or another account's).</summary>
    NotRegistered,

    /// <summary>The browser answered for another origin (or from a frame of one): a phishing page relaying the ceremony.</summary>
    WrongOrigin,

    /// <summary>The signature counter did not move forward: the authenticator may have been cloned.</summary>
    PossibleClone,

    /// <summary>The name given to the passkey was refused (<see cref="PasskeyAdding.NameError"/>).</summary>
    Name,

    /// <summary>Anything else Identity's checks refused: a bad signature, relying party, flags, format or algorithm.</summary>
    Invalid,

    /// <summary>Refused, and this failure locked the account (the sign-in must end).</summary>
    LockedOut,

    /// <summary>A passwordless sign-in for an account that is locked or disabled.</summary>
    Unavailable,
}

/// <summary>A passkey as the account page lists it; <see cref="Id"/> is the credential id, base64url.</summary>
/// <param name="IsBackedUp">The authenticator says the passkey is synced (backed up), not bound to one device.</param>
/// <param name="LastUsedAt">When it last proved a sign-in; null when never.</param>
public sealed record PasskeySummary(
    string Id, string Name, DateTimeOffset CreatedAt, bool IsBackedUp, bool IsUserVerified, uint SignCount, DateTimeOffset? LastUsedAt = null)
{
    public static PasskeySummary Of(UserPasskeyInfo passkey, DateTimeOffset? lastUsedAt = null) =>
        new(CredentialIds.Encode(passkey.CredentialId), passkey.Name ?? "", passkey.CreatedAt, passkey.IsBackedUp, passkey.IsUserVerified, passkey.SignCount, lastUsedAt);
}

/// <summary>What adding a passkey came to: the passkey stored, or why not.</summary>
public sealed record PasskeyAdding(PasskeySummary? Passkey, PasskeyRefusal Refusal, DisplayTextError NameError = default)
{
    public bool Succeeded => Refusal == PasskeyRefusal.None;

    public static PasskeyAdding Refused(PasskeyRefusal refusal, DisplayTextError nameError = default) => new(null, refusal, nameError);
}

/// <summary>What a passkey step came to: the passkey used (its counter moved on), or why not.</summary>
public sealed record PasskeyStep(PasskeySummary? Passkey, PasskeyRefusal Refusal)
{
    public bool Succeeded => Refusal == PasskeyRefusal.None;

    public static PasskeyStep Refused(PasskeyRefusal refusal) => new(null, refusal);
}

/// <summary>What a passwordless sign-in came to: the account and passkey, and whether the authenticator verified the user.</summary>
public sealed record PasskeyPasswordless(ApplicationUser? User, PasskeySummary? Passkey, bool UserVerified, PasskeyRefusal Refusal)
{
    public bool Succeeded => Refusal == PasskeyRefusal.None;

    public static PasskeyPasswordless Refused(PasskeyRefusal refusal) => new(null, null, false, refusal);
}

/// <summary>A ceremony begun: the options for <c>navigator.credentials.create()</c>/<c>get()</c>, and the state to hand back.</summary>
public sealed record PasskeyCeremony(string OptionsJson, string State);
