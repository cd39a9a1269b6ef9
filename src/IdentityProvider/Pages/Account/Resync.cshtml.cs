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

/// <summary>
/// Resynchronisation during sign-in: two consecutive codes found in the wide resync window move the
/// device's counter or drift there. They prove the device as well as one code does, so the sign-in completes.
/// </summary>
[AllowAnonymous]
public sealed class ResyncModel(
    PendingSignIn pending,
    UserManager<ApplicationUser> users,
    OtpDevices devices,
    SecondStepMethods secondSteps,
    OtpVerification verification,
    TwoStepCompletion completion,
    IStringLocalizer<AccountText> text) : PendingStepPageModel(pending, users, devices, secondSteps)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await CheckPendingAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckPendingAsync() is { } redirect)
        {
            return redirect;
        }

        var digits = (await Devices.ListActiveAsync(PendingAccount.Id)).Select(device => device.Digits).Distinct().ToArray();
        var normalized = digits.Select(count => (
                First: OtpCodeInput.TryNormalize(Input.FirstCode, count, out var first, out _) ? first : null,
                Second: OtpCodeInput.TryNormalize(Input.SecondCode, count, out var second, out _) ? second : null))
            .FirstOrDefault(pair => pair.First is not null && pair.Second is not null);
        if (normalized.First is null || normalized.Second is null)
        {
            ModelState.AddModelError(string.Empty, digits.Length > 1
                ? text["Resync.TwoCodesEither", string.Join(", ", digits[..^1]), digits[^1]]
                : text["Resync.TwoCodes", digits.FirstOrDefault()]);
            return Page();
        }

        var device = await verification.TryResyncAsync(PendingAccount.Id, normalized.First, normalized.Second);
        if (device is null)
        {
            if (await completion.RecordFailureAsync(PendingAccount, SecurityEventKinds.OtpFailed))
            {
                return ToLogin("locked");
            }

            ModelState.AddModelError(string.Empty, text["Resync.NoMatch"]);
            return Page();
        }

        await completion.CompleteAfterResyncAsync(PendingAccount, device);
        return ToReturnUrl();
    }

    public sealed class InputModel
    {
        [Display(Name = "Resync.FirstCode")]
        public string? FirstCode { get; set; }

        [Display(Name = "Resync.SecondCode")]
        public string? SecondCode { get; set; }
    }
}
