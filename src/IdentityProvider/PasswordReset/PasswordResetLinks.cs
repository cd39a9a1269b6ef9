using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace IdentityProvider.PasswordReset;

/// <summary>
/// E-mailed password-reset links: an Identity token bound to the security stamp (so any password change voids it)
/// and to the link's id, which the user row keeps with its expiry (so a newer link voids older ones, and
/// <c>Email:ResetLinkMinutes</c> counts on the injected clock). Its purpose differs from the administrator's
/// set-password link, so neither link works on the other's page. Warning: a completed reset never signs anyone in;
/// it ends every session, voids refresh tokens and remembered browsers.
/// </summary>
public sealed class PasswordResetLinks(
    ClockedUserManager users,
    ApplicationDbContext db,
    ResetSecondStep secondStep,
    RememberedBrowsers rememberedBrowsers,
    ServerSessions sessions,
    IOpenIddictTokenManager tokens,
    SecurityLog securityLog,
    EmailSettings settings,
    TimeProvider time)
{
    /// <summary>The anonymous page the link opens.</summary>
    public const string PagePath = "/Account/ResetPassword";

    private const string PurposePrefix = "EmailPasswordReset:";

    /// <summary>
    /// A new link for <paramref name="user"/> (path and query), voiding the previous one. Warning: a secret: it goes
    /// only into the mail, never into a log line or the security log. Null when the account changed at that moment.
    /// </summary>
    public async Task<string?> IssueAsync(ApplicationUser user)
    {
        var linkId = Guid.NewGuid().ToString("N");
        user.PasswordResetLinkId = linkId;
        user.PasswordResetLinkExpiresAt = time.GetUtcNow().AddMinutes(settings.ResetLinkMinutes);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return null;
        }

        var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, PurposePrefix + linkId);
        var code = LinkCode.Encode(token);
        return $"{PagePath}?user={Uri.EscapeDataString(user.Id)}&link={linkId}&code={code}";
    }

    /// <summary>The account the link resets, while the link works; null when it does not (any more).</summary>
    public async Task<ApplicationUser?> FindValidAsync(string? userId, string? linkId, string? code)
    {
        if (userId is not { Length: > 0 and <= 450 } || linkId is not { Length: 32 } || LinkCode.Decode(code) is not { } token
            || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var current = user.PasswordResetLinkId == linkId && user.PasswordResetLinkExpiresAt > time.GetUtcNow() && !user.IsDisabled;
        return current && await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, PurposePrefix + linkId, token) ? user : null;
    }

    /// <summary>Sets the new password when the link works, the password is acceptable and (for two-step users) the code is right.</summary>
    public async Task<(ResetOutcome Outcome, IReadOnlyList<string> Problems)> ResetAsync(string? userId, string? linkId, string? code, string? secondStepCode, string password)
    {
        if (await FindValidAsync(userId, linkId, code) is not { } user)
        {
            return (ResetOutcome.LinkInvalid, []);
        }

        // The password rules first: a refused password must not cost the user a one-time password.
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(error => error.Description));
        }

        if (problems.Count > 0)
        {
            return (ResetOutcome.PasswordInvalid, problems);
        }

        if (await secondStep.IsRequiredAsync(user) && await secondStep.CheckAsync(user, secondStepCode) is { } refused)
        {
            return (refused, []);
        }

        // Warning: the link is spent by one conditional UPDATE, so two submissions of it set the password once.
        var claimed = await db.Users.Where(candidate => candidate.Id == user.Id && candidate.PasswordResetLinkId == linkId)
            .ExecuteUpdateAsync(update => update
                .SetProperty(candidate => candidate.PasswordResetLinkId, (string?)null)
                .SetProperty(candidate => candidate.PasswordResetLinkExpiresAt, (DateTimeOffset?)null));
        if (claimed != 1)
        {
            return (ResetOutcome.LinkInvalid, []);
        }

        user.PasswordResetLinkId = null;
        user.PasswordResetLinkExpiresAt = null;
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded)
        {
            return (ResetOutcome.LinkInvalid, []);
        }

        // The new security stamp already refuses every session cookie; these end the rest at once.
        await sessions.EndAllAsync(user.Id);
        await rememberedBrowsers.ForgetAllAsync(user.Id);
        await tokens.RevokeBySubjectAsync(user.Id);
        await securityLog.WriteAsync(SecurityEventKinds.PasswordResetByEmail, user.Id);
        return (ResetOutcome.Done, []);
    }
}
