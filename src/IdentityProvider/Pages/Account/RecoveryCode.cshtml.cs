using System.ComponentModel.DataAnnotations;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// The OTP step with a recovery code instead of a one-time password: a correct unused code of the latest
/// set completes the sign-in like an OTP (amr pwd, otp, mfa) and is spent for good.
/// </summary>
[AllowAnonymous]
public sealed class RecoveryCodeModel(
    PendingSignIn pending,
    UserManager<ApplicationUser> users,
    OtpDevices devices,
    SecondStepMethods secondSteps,
    RecoveryCodeStore store,
    TwoStepPolicy policy,
    TwoStepCompletion completion,
    IStringLocalizer<AccountText> text) : PendingStepPageModel(pending, users, devices, secondSteps)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Enabled => policy.RecoveryCodesEnabled;

    public async Task<IActionResult> OnGetAsync() => await CheckPendingAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckPendingAsync() is { } redirect)
        {
            return redirect;
        }

        if (!Enabled)
        {
            // Warning: refused before anything is looked up, whatever was posted.
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Input.Code))
        {
            ModelState.AddModelError("Input.Code", text["RecoveryCode.Missing"]);
            return Page();
        }

        // Warning: the code itself is never logged, not even a failed one (it may be a near miss of a real code).
        var result = await store.TryRedeemAsync(PendingAccount.Id, Input.Code);
        if (result == RecoveryCodeResult.Malformed)
        {
            // Nothing was checked, so nothing counts toward the lockout; the shape is no secret.
            ModelState.AddModelError("Input.Code", text["RecoveryCode.Malformed"]);
            return Page();
        }

        if (result == RecoveryCodeResult.Rejected)
        {
            // Note: counts toward the same lockout as a wrong one-time password.
            if (await completion.RecordFailureAsync(PendingAccount, SecurityEventKinds.RecoveryCodeFailed))
            {
                return ToLogin("locked");
            }

            // Note: one message for an unknown, a spent and a voided code, so a guess teaches nothing about the set.
            ModelState.AddModelError("Input.Code", text["RecoveryCode.NotValid"]);
            return Page();
        }

        await completion.CompleteWithRecoveryCodeAsync(PendingAccount, (await store.StatusAsync(PendingAccount.Id)).Remaining);
        return ToReturnUrl();
    }

    public sealed class InputModel
    {
        [Display(Name = "RecoveryCode.Code")]
        public string? Code { get; set; }
    }
}
