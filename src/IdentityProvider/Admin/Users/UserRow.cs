namespace IdentityProvider.Admin.Users;

/// <summary>One user as the administrators' list, the user page and the admin API show it.</summary>
/// <param name="LockedUntil">When a lockout ends (null: not locked); <see cref="UserAccess.IndefiniteLockEnd"/> for "until unlocked".</param>
/// <param name="ProfileUpdatedAt">When a profile field last changed (the creation if none did): the <c>updated_at</c> claim.</param>
public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    int Devices,
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

    /// <summary><c>on</c> (an active device), <c>off</c>, or <c>suspended</c> by an administrator.</summary>
    public string TwoStep => TwoStepSuspended ? "suspended" : Devices > 0 ? "on" : "off";
}
