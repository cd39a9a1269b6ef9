using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// The password asked again before a sensitive change on the account page. Note: a wrong password counts
/// toward the lockout, so a stolen session cannot guess it here.
/// </summary>
internal static class PasswordReentry
{
    /// <summary>The <c>ManageText</c> key of a wrong password's message.</summary>
    public const string WrongPassword = "Common.WrongPassword";

    /// <summary>The <c>ManageText</c> key of a locked account's message.</summary>
    public const string LockedOut = "Common.LockedOut";

    /// <summary>Null when the password is right; otherwise the <c>ManageText</c> key of the message for the password field.</summary>
    public static async Task<string?> CheckAsync(SignInManager<ApplicationUser> signInManager, ApplicationUser user, string password)
    {
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return check.Succeeded ? null
            : check.IsLockedOut ? LockedOut
            : WrongPassword;
    }
}
