using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Profiles;

/// <summary>
/// Changes to a user's profile (name, given and family name, phone number): the user's own from the account page, and an
/// administrator's through <c>Admin.Users.UserAdministration</c> (pages and API), which applies them in its own transaction and
/// log entry. One set of rules (<see cref="ProfileFields"/>), and every change moves <see cref="ApplicationUser.ProfileUpdatedAt"/>
/// (the <c>updated_at</c> claim) on the injected clock.
/// </summary>
/// <remarks>
/// Note: the phone number is written to the row, not through <c>UserManager.SetPhoneNumberAsync</c>, which renews the
/// security stamp: the number is not a credential here, so changing it neither ends sessions nor voids refresh tokens.
/// </remarks>
public sealed class UserProfiles(UserManager<ApplicationUser> users, SecurityLog securityLog, TimeProvider time)
{
    private static readonly Sentence ChangedMeanwhile = new("Profile.ChangedMeanwhile");

    /// <summary>Every problem of <paramref name="change"/>, each on its field (<c>Name</c>, <c>GivenName</c>, <c>FamilyName</c>, <c>PhoneNumber</c>).</summary>
    public static IReadOnlyList<FieldProblem> Problems(ProfileChange change)
    {
        var problems = new List<FieldProblem>();
        if (change.Name is not null && ProfileFields.Name(change.Name, out _) is { } name)
        {
            problems.Add(new(nameof(change.Name), name));
        }

        if (ProfileFields.GivenName(change.GivenName, out _) is { } givenName)
        {
            problems.Add(new(nameof(change.GivenName), givenName));
        }

        if (ProfileFields.FamilyName(change.FamilyName, out _) is { } familyName)
        {
            problems.Add(new(nameof(change.FamilyName), familyName));
        }

        if (ProfileFields.PhoneNumber(change.PhoneNumber, out _) is { } phoneNumber)
        {
            problems.Add(new(nameof(change.PhoneNumber), phoneNumber));
        }

        return problems;
    }

    /// <summary>
    /// Writes a change without <see cref="Problems"/> onto <paramref name="user"/>, not saved: the fields that changed, as the
    /// security log names them (never their values). A changed phone number is unverified unless the change confirms it.
    /// </summary>
    public IReadOnlyList<string> Apply(ApplicationUser user, ProfileChange change)
    {
        var changed = new List<string>();
        if (change.Name is not null && ProfileFields.Name(change.Name, out var name) is null && name != user.DisplayName)
        {
            user.DisplayName = name;
            changed.Add("name");
        }

        if (change.GivenName is not null && ProfileFields.GivenName(change.GivenName, out var givenName) is null && givenName != user.GivenName)
        {
            user.GivenName = givenName;
            changed.Add("given name");
        }

        if (change.FamilyName is not null && ProfileFields.FamilyName(change.FamilyName, out var familyName) is null && familyName != user.FamilyName)
        {
            user.FamilyName = familyName;
            changed.Add("family name");
        }

        if (change.PhoneNumber is not null && ProfileFields.PhoneNumber(change.PhoneNumber, out var phoneNumber) is null
            && phoneNumber != NullIfEmpty(user.PhoneNumber))
        {
            user.PhoneNumber = phoneNumber;
            user.PhoneNumberConfirmed = false;
            changed.Add(phoneNumber is null ? "phone number removed" : "phone number");
        }

        if (change.PhoneNumberConfirmed is { } confirmed && user.PhoneNumber is not null && confirmed != user.PhoneNumberConfirmed)
        {
            user.PhoneNumberConfirmed = confirmed;
            changed.Add(confirmed ? "phone number verified" : "phone number unverified");
        }

        if (changed.Count > 0)
        {
            user.ProfileUpdatedAt = time.GetUtcNow();
        }

        return changed;
    }

    /// <summary>An administrator changed the e-mail address: part of the profile relying parties see, so <c>updated_at</c> moves.</summary>
    public void EmailChanged(ApplicationUser user) => user.ProfileUpdatedAt = time.GetUtcNow();

    /// <summary>
    /// The user's own change, from the account page: checked, saved, and logged as <see cref="SecurityEventKinds.ProfileChanged"/>
    /// naming the fields. The user cannot mark a phone number verified.
    /// </summary>
    public async Task<ChangeResult<IReadOnlyList<string>>> ChangeOwnAsync(ApplicationUser user, ProfileChange change)
    {
        change = change with { PhoneNumberConfirmed = null };
        if (Problems(change) is { Count: > 0 } problems)
        {
            return ChangeResult.Invalid(problems);
        }

        var changed = Apply(user, change);
        if (changed.Count == 0)
        {
            return ChangeResult.Done<IReadOnlyList<string>>([]);
        }

        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        await securityLog.WriteAsync(SecurityEventKinds.ProfileChanged, user.Id, "changed: " + string.Join("; ", changed));
        return ChangeResult.Done<IReadOnlyList<string>>(changed);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
