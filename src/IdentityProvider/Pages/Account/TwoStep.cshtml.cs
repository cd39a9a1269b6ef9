using System.ComponentModel.DataAnnotations;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>The OTP step: a code from any of the user's active devices completes the sign-in.</summary>
[AllowAnonymous]
public sealed class TwoStepModel(
    PendingSignIn pending,
    UserManager<ApplicationUser> users,
    OtpDevices devices,
    SecondStepMethods secondSteps,
    OtpVerification verification,
    TwoStepCompletion completion,
    IStringLocalizer<AccountText> text,
    IStringLocalizer<MessageText> messages) : PendingStepPageModel(pending, users, devices, secondSteps)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool CanRememberBrowser { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } redirect)
        {
            return redirect;
        }

        var digits = (await Devices.ListActiveAsync(PendingAccount.Id)).Select(device => device.Digits);
        if (!OtpCodeInput.TryNormalizeAny(Input.Code, digits, out var code, out var error))
        {
            ModelState.AddModelError("Input.Code", error.Message!.In(messages));
            return Page();
        }

        var device = await verification.TryAcceptAsync(PendingAccount.Id, code);
        if (device is null)
        {
            if (await completion.RecordFailureAsync(PendingAccount, SecurityEventKinds.OtpFailed))
            {
                return ToLogin("locked");
            }

            ModelState.AddModelError("Input.Code", text["TwoStep.WrongCode"]);
            return Page();
        }

        await completion.CompleteAsync(PendingAccount, CanRememberBrowser && Input.RememberBrowser, $"one-time password from \"{device.Name}\"");
        return ToReturnUrl();
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await CheckPendingAsync() is { } redirect)
        {
            return redirect;
        }

        CanRememberBrowser = await completion.CanRememberBrowserAsync(PendingAccount);
        return null;
    }

    public sealed class InputModel
    {
        [Display(Name = "TwoStep.Code")]
        public string? Code { get; set; }

        public bool RememberBrowser { get; set; }
    }
}
