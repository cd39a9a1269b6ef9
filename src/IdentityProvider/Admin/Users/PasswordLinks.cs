using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Email;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace IdentityProvider.Admin.Users;

public enum PasswordLinkOutcome
{
    Set,

    /// <summary>Unknown user, tampered, expired or already used: one answer for all.</summary>
    LinkInvalid,

    /// <summary>The new password breaks the password rules; <c>Problems</c> says how.</summary>
    PasswordInvalid,
}

/// <summary>
/// One-time set-password links: Identity's password-reset token for a user, in a link an administrator hands
/// over. Single use: setting the password renews the security stamp, which voids the token (and any other).
/// Note: a completed set does not sign the user in; it ends the user's sessions and remembered browsers.
/// </summary>
public sealed class PasswordLinks(
    UserManager<ApplicationUser> users,
    RememberedBrowsers rememberedBrowsers,
    IOpenIddictTokenManager tokens,
    SecurityLog securityLog,
    MailOutbox outbox,
    MailTemplates templates,
    ProviderAddress address)
{
    /// <summary>The anonymous page the link opens.</summary>
    public const string PagePath = "/Account/SetPassword";

    /// <summary>A new link for <paramref name="user"/> (path and query). Warning: a secret: never log it.</summary>
    public async Task<string> IssueAsync(ApplicationUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = LinkCode.Encode(token);
        return $"{PagePath}?user={Uri.EscapeDataString(user.Id)}&code={code}";
    }

    /// <summary>Issues a link and mails it to the user's address instead of showing it (it then never reaches the administrator).</summary>
    public async Task EmailAsync(ApplicationUser user)
    {
        var link = address.Link(await IssueAsync(user));
        var name = user.DisplayName is { Length: > 0 } displayName ? displayName : user.Email!;
        await outbox.EnqueueAsync(MailKinds.SetPasswordLink, user.Id, user.Email!, templates.SetPasswordLink(name, link, user.Language));
    }

    /// <summary>Whether the link still works (to show the form, or say at once that it does not).</summary>
    public async Task<bool> IsValidAsync(string? userId, string? code) =>
        await FindAsync(userId) is { } user && LinkCode.Decode(code) is { } token
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);

    public async Task<(PasswordLinkOutcome Outcome, IReadOnlyList<string> Problems)> SetPasswordAsync(string? userId, string? code, string password)
    {
        if (await FindAsync(userId) is not { } user || LinkCode.Decode(code) is not { } token)
        {
            return (PasswordLinkOutcome.LinkInvalid, []);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            // Note: a token already spent (or raced by a parallel use) fails here as InvalidToken or ConcurrencyFailure.
            return result.Errors.Any(error => error.Code is nameof(IdentityErrorDescriber.InvalidToken) or nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? (PasswordLinkOutcome.LinkInvalid, [])
                : (PasswordLinkOutcome.PasswordInvalid, [.. result.Errors.Select(error => error.Description)]);
        }

        await rememberedBrowsers.ForgetAllAsync(user.Id);
        await tokens.RevokeBySubjectAsync(user.Id);
        await securityLog.WriteAsync(SecurityEventKinds.PasswordSetByLink, user.Id);
        return (PasswordLinkOutcome.Set, []);
    }

    private async Task<ApplicationUser?> FindAsync(string? userId) =>
        userId is { Length: > 0 and <= 450 } ? await users.FindByIdAsync(userId) : null;
}
