using IdentityProvider.Profiles;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// An administrator's change of a user; a null field stays as it is, a blank given name, family name or phone number
/// clears it.
/// </summary>
/// <param name="PhoneNumberConfirmed">Whether the phone number (as it is after the change) is verified; a changed number is not, unless this says so.</param>
public sealed record UserChange(
    string? Email,
    string? Name,
    IReadOnlyList<string>? Roles,
    string? GivenName = null,
    string? FamilyName = null,
    string? PhoneNumber = null,
    bool? PhoneNumberConfirmed = null)
{
    /// <summary>The profile fields, which <see cref="UserProfiles"/> checks and applies.</summary>
    public ProfileChange Profile => new(Name, GivenName, FamilyName, PhoneNumber, PhoneNumberConfirmed);
}
