using System.ComponentModel.DataAnnotations;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Pages.Shared;
using IdentityProvider.Passkeys;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// The second step: the user's passkey first ("Use your passkey"), or a code from any of their active devices; either
/// completes the sign-in. When the relying party asked for a phishing-resistant sign-in (acr_values=phr) only the passkey is offered.
/// </summary>
[AllowAnonymous]
public sealed class TwoStepModel(
    PendingSignIn pending,
    UserManager<ApplicationUser> users,
    OtpDevices devices,
    SecondStepMethods secondSteps,
    OtpVerification verification,
    TwoStepCompletion completion,
    PasskeyCeremonies passkeys,
    IStringLocalizer<AccountText> text,
    IStringLocalizer<MessageText> messages) : PendingStepPageModel(pending, users, devices, secondSteps)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public PasskeyAnswer Passkey { get; set; } = new();

    public bool CanRememberBrowser { get; private set; }

    /// <summary>The user has a passkey the policy lets them use, and it was not already the first step.</summary>
    public bool OffersPasskey { get; private set; }

    /// <summary>The user has an active device, and the relying party accepts a one-time password.</summary>
    public bool OffersCode { get; private set; }

    /// <summary>Only a passkey may be the second step (acr_values=phr).</summary>
    public bool PasskeyDemanded { get; private set; }

    public PasskeyForm PasskeyForm => new("passkey-sign-in", "get",
        Url.Page(null, "PasskeyOptions")!, Url.Page(null, "Passkey")!, text["TwoStep.Passkey.Use"])
    {
        ReturnUrl = ReturnUrl,
        RememberBrowserLabel = CanRememberBrowser ? text["TwoStep.RememberBrowser"].Value : null,
    };

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } redirect)
        {
            return redirect;
        }

        if (!OffersCode)
        {
            ModelState.AddModelError("Input.Code", text[PasskeyDemanded ? "TwoStep.PasskeyDemanded" : "TwoStep.NoDevice"]);
            return Page();
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

    /// <summary>The request options for the user's passkeys (passkeys.js asks, then runs the browser's dialog).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await PrepareAsync() is { } redirect)
        {
            return redirect;
        }

        return OffersPasskey && await passkeys.BeginSecondStepAsync(PendingAccount.Id, PendingUser!.Id) is { } ceremony
            ? PasskeyCeremonyAnswer.Of(ceremony)
            : NotFound();
    }

    /// <summary>The browser's answer: checked, counted toward the lockout when refused, the sign-in completed when accepted.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await PrepareAsync() is { } redirect)
        {
            return redirect;
        }

        if (!OffersPasskey || Passkey.CredentialJson is not { } credential)
        {
            ModelState.AddModelError(string.Empty, text["TwoStep.Passkey.Refused"]);
            return Page();
        }

        var step = await passkeys.VerifySecondStepAsync(PendingAccount.Id, Passkey.State, credential, PendingUser!.Id);
        if (step.Refusal == PasskeyRefusal.LockedOut)
        {
            return ToLogin("locked");
        }

        if (!step.Succeeded)
        {
            ModelState.AddModelError(string.Empty, text[step.Refusal == PasskeyRefusal.CeremonyExpired ? "TwoStep.Passkey.Expired" : "TwoStep.Passkey.Refused"]);
            return Page();
        }

        await completion.CompleteWithPasskeyAsync(PendingAccount, CanRememberBrowser && Passkey.RememberBrowser, step.Passkey!.Name);
        return ToReturnUrl();
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await CheckPendingAsync() is { } redirect)
        {
            return redirect;
        }

        var pendingUser = PendingUser!;
        OffersPasskey = pendingUser.PasskeyMayFollow && await SecondSteps.HasPasskeyAsync(PendingAccount.Id);
        PasskeyDemanded = pendingUser.PasskeyDemanded && OffersPasskey;
        OffersCode = !PasskeyDemanded && await Devices.HasActiveAsync(PendingAccount.Id);
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
