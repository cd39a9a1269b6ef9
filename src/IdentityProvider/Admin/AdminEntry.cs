using System.Security.Claims;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Admin;

/// <summary>What gets a refused user into the admin area.</summary>
public enum AdminEntryRemedy
{
    /// <summary>Nothing the user can do: the account has no right to it.</summary>
    None,

    /// <summary>Add an authenticator app, then sign in again with its code.</summary>
    AddDevice,

    /// <summary>Sign out and sign in again with a one-time password.</summary>
    SignInAgain,
}

/// <summary>Why the admin area refused a signed-in user, in words the access-denied page shows.</summary>
public sealed record AdminEntryRefusal(Sentence Why, AdminEntryRemedy Remedy);

/// <summary>
/// Explains the admin area's refusal (<see cref="AdminPolicy"/>): a new operator's demo administrator signs in with the
/// password alone and would otherwise read only "Access denied".
/// </summary>
public sealed class AdminEntry(UserManager<ApplicationUser> users, OtpDevices devices, TimeProvider time)
{
    public async Task<AdminEntryRefusal> ExplainAsync(ClaimsPrincipal principal)
    {
        if (ActingAdministrator.From(principal) is not null)
        {
            return new(new Sentence("AdminEntry.SignedInAsUser"), AdminEntryRemedy.None);
        }

        if (await users.GetUserAsync(principal) is not { } account
            || !(await users.GetRolesAsync(account)).Any(role => role is ProviderRoles.Administrator or ProviderRoles.UserManager))
        {
            return new(new Sentence("AdminEntry.NotAdministrator"), AdminEntryRemedy.None);
        }

        if (SessionProof.From(principal) is not { IsMultiFactor: true })
        {
            return (await devices.ListActiveAsync(account.Id)).Count == 0
                ? new(new Sentence("AdminEntry.NoDevice"), AdminEntryRemedy.AddDevice)
                : new(new Sentence("AdminEntry.PasswordOnly"), AdminEntryRemedy.SignInAgain);
        }

        // Both steps, recently: the session is fine, the page is an administrator's and this is a user manager.
        return AdminSession.SecondStepWithin(principal, AdminSession.EntryWindow, time.GetUtcNow())
            ? new(new Sentence("AdminEntry.AdministratorsOnly"), AdminEntryRemedy.None)
            : new(new Sentence("AdminEntry.SecondStepOld", AdminSession.EntryWindow.TotalHours), AdminEntryRemedy.SignInAgain);
    }
}
