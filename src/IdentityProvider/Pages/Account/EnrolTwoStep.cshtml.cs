using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// Enrolment during sign-in, when a policy or the relying party requires two steps of a user without a
/// device. Confirming the new device with a code is the OTP step of this sign-in.
/// </summary>
[AllowAnonymous]
public sealed class EnrolTwoStepModel(
    PendingSignIn pending,
    OtpEnrolment enrolment,
    TwoStepGate gate,
    TwoStepCompletion completion,
    DeviceChanges deviceChanges,
    IssuedRecoveryCodes issuedCodes,
    IStringLocalizer<AccountText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public OtpEnrolmentInput Enrolment { get; set; } = new();

    public bool DemandedByApplication { get; private set; }

    public DateTimeOffset? PostponableUntil { get; private set; }

    public OtpEnrolmentFormsModel Forms { get; private set; } = new(null, text["EnrolTwoStep.DefaultDeviceName"], OtpType.Totp);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Expired() : Page();

    public async Task<IActionResult> OnPostBeginAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Expired();
        }

        var (view, error) = await enrolment.TryBeginAsync(user, Enrolment);
        ShowError(error?.Message.In(messages));
        Forms = new(view, Enrolment.Name, Enrolment.Type);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Expired();
        }

        if (await enrolment.ResumeAsync(user, Enrolment.DeviceId) is not { } view)
        {
            return RedirectToPage(new { ReturnUrl });
        }

        if (await enrolment.TryConfirmAsync(user, view, Enrolment) is { } error)
        {
            ShowError(error.Message.In(messages));
            Forms = new(view, view.DeviceName, Enrolment.Type);
            return Page();
        }

        var codes = await deviceChanges.AddedAsync(user.Id, view.DeviceName, "during sign-in");
        await completion.CompleteAsync(user, rememberBrowser: false, $"new device \"{view.DeviceName}\"");
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage";
        if (codes is not null)
        {
            // The first device: its recovery codes are shown once (the session exists now), then the sign-in goes on.
            await issuedCodes.KeepAsync(TempData, user.Id, codes);
            return RedirectToPage("/Manage/RecoveryCodes/Show", new { ReturnUrl = next });
        }

        return LocalRedirect(next);
    }

    public async Task<IActionResult> OnPostPostponeAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Expired();
        }

        if (PostponableUntil is null)
        {
            ShowError(text["EnrolTwoStep.CannotPostpone"]);
            return Page();
        }

        await gate.PostponeAsync(pendingUser!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage");
    }

    private PendingUser? pendingUser;

    private async Task<ApplicationUser?> LoadAsync()
    {
        pendingUser = await pending.ReadAsync();
        if (pendingUser is null)
        {
            return null;
        }

        DemandedByApplication = pendingUser.MfaDemanded;
        PostponableUntil = await gate.PostponableUntilAsync(pendingUser);
        return pendingUser.User;
    }

    private void ShowError(string? error)
    {
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
        }
    }

    private IActionResult Expired() => RedirectToPage("/Account/Login", new { ReturnUrl, Reason = "expired" });
}
