using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Passwords;

/// <summary>
/// The user's own password on the account page: a change (after the current password was re-entered and checked)
/// or a first password for an account that signs in through an upstream provider. Each renews the security stamp,
/// so the user's other sessions end while this one is re-issued, and is written to the security log.
/// </summary>
public sealed class OwnPasswords(
    UserManager<ApplicationUser> users,
    SessionSignIn sessions,
    RememberedBrowsers rememberedBrowsers,
    SecurityLog securityLog)
{
    /// <summary>Changes the password; a changed password also forgets the remembered browsers.</summary>
    public async Task<IdentityResult> ChangeAsync(ApplicationUser user, string currentPassword, string newPassword)
    {
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            await rememberedBrowsers.ForgetAllAsync(user.Id);
            await sessions.RefreshAsync(user);
            await securityLog.WriteAsync(SecurityEventKinds.PasswordChanged, user.Id);
        }

        return result;
    }

    /// <summary>Sets the first password of an account that has none.</summary>
    public async Task<IdentityResult> AddFirstAsync(ApplicationUser user, string newPassword)
    {
        var result = await users.AddPasswordAsync(user, newPassword);
        if (result.Succeeded)
        {
            await sessions.RefreshAsync(user);
            await securityLog.WriteAsync(SecurityEventKinds.PasswordChanged, user.Id, "first password set");
        }

        return result;
    }
}
