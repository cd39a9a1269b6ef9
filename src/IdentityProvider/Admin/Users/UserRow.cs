namespace IdentityProvider.Admin.Users;

/// <summary>One user as the administrators' list, the user page and the admin API show it.</summary>
/// <param name="Passkeys">The user's passkeys that count as a second step: all of them while the policy lets passkeys be used, else 0.</param>
/// <param name="LockedUntil">When a lockout ends (null: not locked); <see cref="UserAccess.IndefiniteLockEnd"/> for "until unlocked".</param>
/// <param name="ProfileUpdatedAt">When a profile field last changed (the creation if none did): the <c>updated_at</c> claim.</param>
public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    int Devices,
    int Passkeys,
    bool TwoStepSuspended,
    DateTimeOffset? LockedUntil,
    bool Disabled,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt,
    string? GivenName,
    string? FamilyName,
    string? PhoneNumber,
    bool PhoneNumberVerified,
    DateTimeOffset ProfileUpdatedAt)
{
    public bool Locked => LockedUntil is not null;

    /// <summary><c>on</c> (an active device or a passkey that counts), <c>off</c>, or <c>suspended</c> by an administrator.</summary>
    public string TwoStep => TwoStepSuspended ? "suspended" : Devices + Passkeys > 0 ? "on" : "off";
}
