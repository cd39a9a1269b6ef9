using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// An administrator's actions on a user's access (admin pages and API): lock and unlock, disable and enable,
/// sign out everywhere, reset the password. Each is logged with the one acting; a user-manager (lock, unlock and the
/// password) is refused on an administrator's account.
/// </summary>
public sealed class UserAccess(
    UserManager<ApplicationUser> users,
    PasswordLinks passwordLinks,
    RememberedBrowsers rememberedBrowsers,
    IOpenIddictTokenManager tokens,
    SecurityLog securityLog)
{
    /// <summary>The lockout end of a lock "until unlocked": far beyond any real date, within every database's range.</summary>
    public static readonly DateTimeOffset IndefiniteLockEnd = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Sentence ChangedMeanwhile = new("User.ChangedMeanwhile");

    public Task<ChangeResult> LockAsync(string userId, AdminActor actor) =>
        ActAsync(userId, actor, new Sentence("User.LockSelf"), async user =>
        {
            // Note: lockout must be enabled for Identity to honour the end date (and refuse the password step).
            if (!(await users.SetLockoutEnabledAsync(user, true)).Succeeded || !(await users.SetLockoutEndDateAsync(user, IndefiniteLockEnd)).Succeeded)
            {
                return false;
            }

            await EndSessionsAsync(user);
            await securityLog.WriteAsync(SecurityEventKinds.UserLocked, user.Id, "until unlocked", actor.Id);
            return true;
        });

    public Task<ChangeResult> UnlockAsync(string userId, AdminActor actor) =>
        ActAsync(userId, actor, null, async user =>
        {
            if (!(await users.SetLockoutEndDateAsync(user, null)).Succeeded || !(await users.ResetAccessFailedCountAsync(user)).Succeeded)
            {
                return false;
            }

            await securityLog.WriteAsync(SecurityEventKinds.UserUnlocked, user.Id, actorId: actor.Id);
            return true;
        });

    /// <summary>Disables the account and ends its sessions at once (the session cookie is checked against the security stamp on every request).</summary>
    public Task<ChangeResult> DisableAsync(string userId, AdminActor actor) =>
        ActAsync(userId, actor, new Sentence("User.DisableSelf"), async user =>
        {
            user.IsDisabled = true;
            // Warning: the new security stamp is what ends the sessions; UpdateSecurityStampAsync also saves IsDisabled.
            if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
            {
                return false;
            }

            await ForgetAndRevokeAsync(user.Id);
            await securityLog.WriteAsync(SecurityEventKinds.UserDisabled, user.Id, actorId: actor.Id);
            return true;
        });

    public Task<ChangeResult> EnableAsync(string userId, AdminActor actor) =>
        ActAsync(userId, actor, null, async user =>
        {
            user.IsDisabled = false;
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                return false;
            }

            await securityLog.WriteAsync(SecurityEventKinds.UserEnabled, user.Id, actorId: actor.Id);
            return true;
        });

    /// <summary>New security stamp (every session ends), remembered browsers forgotten, refresh and access tokens revoked.</summary>
    public Task<ChangeResult> SignOutEverywhereAsync(string userId, AdminActor actor) =>
        ActAsync(userId, actor, null, async user =>
        {
            if (!await EndSessionsAsync(user))
            {
                return false;
            }

            await securityLog.WriteAsync(SecurityEventKinds.SignedOutEverywhere, user.Id, actorId: actor.Id);
            return true;
        });

    /// <summary>Sets <paramref name="password"/> (Identity's password rules) and ends the user's sessions.</summary>
    public async Task<ChangeResult<string>> SetPasswordAsync(string userId, string? password, AdminActor actor)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ChangeResult.Invalid("Password", new Sentence("User.Password.Missing"));
        }

        if (UserFields.CheckPasswordLength(password) is { } tooLong)
        {
            return ChangeResult.Invalid("Password", tooLong);
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        // Note: Identity's own reset checks the password rules, hashes, and renews the security stamp in one
        // update, so every session of the user ends and nothing changes when the password is refused.
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? ChangeResult.Conflict(ChangedMeanwhile)
                : ChangeResult.Invalid([.. result.Errors.Select(error => new FieldProblem("Password", Sentence.Plain(error.Description)))]);
        }

        await ForgetAndRevokeAsync(user.Id);
        await securityLog.WriteAsync(SecurityEventKinds.PasswordReset, user.Id, "new password set by an administrator", actor.Id);
        return ChangeResult.Done<string>(null);
    }

    /// <summary>
    /// Removes the password (so the old one no longer signs in), ends the sessions, and issues a one-time
    /// set-password link to hand over; the result carries the link, shown once (or, with <paramref name="byEmail"/>,
    /// the link is mailed to the user and the result carries none).
    /// </summary>
    public async Task<ChangeResult<string>> IssuePasswordLinkAsync(string userId, AdminActor actor, bool byEmail = false)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        if (await users.HasPasswordAsync(user) && !(await users.RemovePasswordAsync(user)).Succeeded)
        {
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        await EndSessionsAsync(user);
        // Warning: issued after the last stamp change, or the link would be void at once.
        if (byEmail)
        {
            await passwordLinks.EmailAsync(user);
            await securityLog.WriteAsync(SecurityEventKinds.PasswordLinkIssued, user.Id, "old password removed; e-mailed to the user", actor.Id);
            return ChangeResult.Done<string>(null);
        }

        var link = await passwordLinks.IssueAsync(user);
        await securityLog.WriteAsync(SecurityEventKinds.PasswordLinkIssued, user.Id, "old password removed", actor.Id);
        return ChangeResult.Done(link);
    }

    private async Task<ChangeResult> ActAsync(string userId, AdminActor actor, Sentence? notOnSelf, Func<ApplicationUser, Task<bool>> action)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (await users.RefusalAsync(actor, user) is { } refused)
        {
            return refused;
        }

        if (notOnSelf is not null && user.Id == actor.Id)
        {
            // Warning: an administrator who locks themselves out may leave nobody able to undo it.
            return ChangeResult.Conflict(notOnSelf);
        }

        return await action(user) ? ChangeResult.Done() : ChangeResult.Conflict(ChangedMeanwhile);
    }

    private async Task<bool> EndSessionsAsync(ApplicationUser user)
    {
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return false;
        }

        await ForgetAndRevokeAsync(user.Id);
        return true;
    }

    /// <summary>
    /// Forgets remembered browsers and revokes the token rows of the subject (refresh tokens, and the access
    /// tokens that have rows). Note: personal access tokens are left alone; a disabled user's exchange is refused.
    /// </summary>
    private async Task ForgetAndRevokeAsync(string userId)
    {
        await rememberedBrowsers.ForgetAllAsync(userId);
        await tokens.RevokeBySubjectAsync(userId);
    }
}
