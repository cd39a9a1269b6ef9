namespace IdentityProvider.Profiles;

/// <summary>
/// A change to a user's profile as typed; a null field stays as it is, a blank one clears it (the name cannot be cleared).
/// </summary>
/// <param name="PhoneNumberConfirmed">
/// An administrator's word that the number (as it is after this change) belongs to the user; never taken from the
/// user. A changed number is unverified unless the same change says otherwise.
/// </param>
public sealed record ProfileChange(
    string? Name = null,
    string? GivenName = null,
    string? FamilyName = null,
    string? PhoneNumber = null,
    bool? PhoneNumberConfirmed = null);
