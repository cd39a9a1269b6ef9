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
    /// <summary>The sentence for a kind without its own (<c>ManageText</c> key).</summary>
    public const string OtherSentence = "Activity.Event.Other";

    /// <summary>
    /// What each shown kind of event says to the account's owner: the key of its sentence in <c>ManageText</c>
    /// (<c>Activity.Event.{Kind}</c>), the one place this page's sentences are chosen.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Sentences { get; } = new Dictionary<string, string>
    {
        [SecurityEventKinds.SignInSucceeded] = "Activity.Event.SignInSucceeded",
        [SecurityEventKinds.PasswordFailed] = "Activity.Event.PasswordFailed",
        [SecurityEventKinds.LockedOut] = "Activity.Event.LockedOut",
        [SecurityEventKinds.SignInThrottled] = "Activity.Event.SignInThrottled",
        [SecurityEventKinds.OtpFailed] = "Activity.Event.OtpFailed",
        [SecurityEventKinds.RecoveryCodeFailed] = "Activity.Event.RecoveryCodeFailed",
        [SecurityEventKinds.RecoveryCodeUsed] = "Activity.Event.RecoveryCodeUsed",
        [SecurityEventKinds.ExternalSignInRefused] = "Activity.Event.ExternalSignInRefused",
        [SecurityEventKinds.SignedOut] = "Activity.Event.SignedOut",
        [SecurityEventKinds.PasswordChanged] = "Activity.Event.PasswordChanged",
        [SecurityEventKinds.PasswordResetRequested] = "Activity.Event.PasswordResetRequested",
        [SecurityEventKinds.PasswordResetByEmail] = "Activity.Event.PasswordResetByEmail",
        [SecurityEventKinds.PasswordReset] = "Activity.Event.PasswordReset",
        [SecurityEventKinds.PasswordLinkIssued] = "Activity.Event.PasswordLinkIssued",
        [SecurityEventKinds.PasswordSetByLink] = "Activity.Event.PasswordSetByLink",
        [SecurityEventKinds.DeviceAdded] = "Activity.Event.DeviceAdded",
        [SecurityEventKinds.DeviceRemoved] = "Activity.Event.DeviceRemoved",
        [SecurityEventKinds.OtpResynchronised] = "Activity.Event.OtpResynchronised",
        [SecurityEventKinds.PasskeyAdded] = "Activity.Event.PasskeyAdded",
        [SecurityEventKinds.PasskeyRemoved] = "Activity.Event.PasskeyRemoved",
        [SecurityEventKinds.PasskeyUsed] = "Activity.Event.PasskeyUsed",
        [SecurityEventKinds.PasskeyFailed] = "Activity.Event.PasskeyFailed",
        [SecurityEventKinds.BrowsersForgotten] = "Activity.Event.BrowsersForgotten",
        [SecurityEventKinds.BrowsersForgottenByAdmin] = "Activity.Event.BrowsersForgottenByAdmin",
        [SecurityEventKinds.RecoveryCodesGenerated] = "Activity.Event.RecoveryCodesGenerated",
        [SecurityEventKinds.TwoStepSuspended] = "Activity.Event.TwoStepSuspended",
        [SecurityEventKinds.TwoStepRestored] = "Activity.Event.TwoStepRestored",
        [SecurityEventKinds.TokenCreated] = "Activity.Event.TokenCreated",
        [SecurityEventKinds.TokenRevoked] = "Activity.Event.TokenRevoked",
        [SecurityEventKinds.TokenPermissionChanged] = "Activity.Event.TokenPermissionChanged",
        [SecurityEventKinds.ExternalLoginLinked] = "Activity.Event.ExternalLoginLinked",
        [SecurityEventKinds.ExternalLoginUnlinked] = "Activity.Event.ExternalLoginUnlinked",
        [SecurityEventKinds.NotificationsChanged] = "Activity.Event.NotificationsChanged",
        [SecurityEventKinds.ProfileChanged] = "Activity.Event.ProfileChanged",
        [SecurityEventKinds.UserCreated] = "Activity.Event.UserCreated",
        [SecurityEventKinds.UserUpdated] = "Activity.Event.UserUpdated",
        [SecurityEventKinds.UserLocked] = "Activity.Event.UserLocked",
        [SecurityEventKinds.UserUnlocked] = "Activity.Event.UserUnlocked",
        [SecurityEventKinds.UserDisabled] = "Activity.Event.UserDisabled",
        [SecurityEventKinds.UserEnabled] = "Activity.Event.UserEnabled",
        [SecurityEventKinds.SignedOutEverywhere] = "Activity.Event.SignedOutEverywhere",
        [SecurityEventKinds.HardwareTokenAssigned] = "Activity.Event.HardwareTokenAssigned",
        [SecurityEventKinds.HardwareTokenUnassigned] = "Activity.Event.HardwareTokenUnassigned",
        [SecurityEventKinds.HardwareTokenDisabled] = "Activity.Event.HardwareTokenDisabled",
        [SecurityEventKinds.HardwareTokenEnabled] = "Activity.Event.HardwareTokenEnabled",
        [SecurityEventKinds.HardwareTokenLost] = "Activity.Event.HardwareTokenLost",
        [SecurityEventKinds.ImpersonationStarted] = "Activity.Event.ImpersonationStarted",
        [SecurityEventKinds.ImpersonationEnded] = "Activity.Event.ImpersonationEnded",
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

    /// <summary>The key of the sentence for an event (a generic one for a kind without its own).</summary>
    public static string SentenceFor(string kind) => Sentences.GetValueOrDefault(kind, OtherSentence);
}
