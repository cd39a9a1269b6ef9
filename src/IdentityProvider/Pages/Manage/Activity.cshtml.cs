using IdentityProvider.AccountOverview;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// "Your security activity": the signed-in user's own security events, newest first, a page at a time
/// (<c>?page=N</c>), each as a sentence, with "This wasn't me" leading to the password and device pages.
/// </summary>
public sealed class ActivityModel(UserManager<ApplicationUser> users, SecurityActivity activity) : PageModel
{
    /// <summary>What each shown kind of event says to the account's owner: the one place this page's sentences live.</summary>
    public static IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        [SecurityEventKinds.SignInSucceeded] = "Signed in to your account.",
        [SecurityEventKinds.PasswordFailed] = "A sign-in was refused at the password step.",
        [SecurityEventKinds.LockedOut] = "The account was locked after too many failed attempts.",
        [SecurityEventKinds.SignInThrottled] = "A password was refused unchecked: too many failed attempts from that address, which now has to wait.",
        [SecurityEventKinds.OtpFailed] = "A wrong one-time password was entered.",
        [SecurityEventKinds.RecoveryCodeFailed] = "A wrong recovery code was entered.",
        [SecurityEventKinds.RecoveryCodeUsed] = "A recovery code was used.",
        [SecurityEventKinds.ExternalSignInRefused] = "A sign-in with a linked account was refused.",
        [SecurityEventKinds.SignedOut] = "Signed out.",
        [SecurityEventKinds.PasswordChanged] = "The password was changed.",
        [SecurityEventKinds.PasswordResetRequested] = "A password reset was requested.",
        [SecurityEventKinds.PasswordResetByEmail] = "The password was reset with a link sent by e-mail.",
        [SecurityEventKinds.PasswordReset] = "A new password was set.",
        [SecurityEventKinds.PasswordLinkIssued] = "A link to set a new password was issued.",
        [SecurityEventKinds.PasswordSetByLink] = "A new password was set with a link.",
        [SecurityEventKinds.DeviceAdded] = "A two-step device was added.",
        [SecurityEventKinds.DeviceRemoved] = "A two-step device was removed.",
        [SecurityEventKinds.OtpResynchronised] = "A two-step device was resynchronised.",
        [SecurityEventKinds.BrowsersForgotten] = "Remembered browsers were forgotten.",
        [SecurityEventKinds.BrowsersForgottenByAdmin] = "Remembered browsers were forgotten.",
        [SecurityEventKinds.RecoveryCodesGenerated] = "New recovery codes were generated; the previous ones no longer work.",
        [SecurityEventKinds.TwoStepSuspended] = "Two-step sign-in was suspended.",
        [SecurityEventKinds.TwoStepRestored] = "Two-step sign-in was restored.",
        [SecurityEventKinds.TokenCreated] = "A personal access token was created.",
        [SecurityEventKinds.TokenRevoked] = "A personal access token was revoked.",
        [SecurityEventKinds.TokenPermissionChanged] = "The permission to use personal access tokens was changed.",
        [SecurityEventKinds.ExternalLoginLinked] = "An account at another provider was linked.",
        [SecurityEventKinds.ExternalLoginUnlinked] = "An account at another provider was unlinked.",
        [SecurityEventKinds.NotificationsChanged] = "The e-mail notification setting was changed.",
        [SecurityEventKinds.UserCreated] = "The account was created.",
        [SecurityEventKinds.UserUpdated] = "The account's details were changed.",
        [SecurityEventKinds.UserLocked] = "The account was locked.",
        [SecurityEventKinds.UserUnlocked] = "The account was unlocked.",
        [SecurityEventKinds.UserDisabled] = "The account was disabled.",
        [SecurityEventKinds.UserEnabled] = "The account was enabled.",
        [SecurityEventKinds.SignedOutEverywhere] = "Every session of the account was signed out.",
        [SecurityEventKinds.HardwareTokenAssigned] = "A hardware token was assigned to the account.",
        [SecurityEventKinds.HardwareTokenUnassigned] = "A hardware token was taken back.",
        [SecurityEventKinds.HardwareTokenDisabled] = "A hardware token of the account was disabled.",
        [SecurityEventKinds.HardwareTokenEnabled] = "A hardware token of the account was enabled.",
        [SecurityEventKinds.HardwareTokenLost] = "A hardware token of the account was reported lost.",
    };

    public ActivityPage Activity { get; private set; } = null!;

    /// <param name="page">1-based; a missing or unreadable number shows the first page. Note: read from the query only,
    /// since Razor Pages keeps a route value of its own named "page".</param>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        // Note: only the session's own user id; nothing in the request can name another account.
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        Activity = await activity.ReadAsync(userId, page ?? 1);
        return Page();
    }

    /// <summary>The sentence for an event (a generic one for a kind without its own).</summary>
    public static string SentenceFor(string kind) => Sentences.GetValueOrDefault(kind, "A change to the account's security.");
}
