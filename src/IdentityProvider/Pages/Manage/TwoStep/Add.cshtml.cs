using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.TwoStep;

/// <summary>
/// Enrols another authenticator app for the signed-in user; every remembered browser is forgotten. The first
/// device also brings a set of recovery codes, shown once.
/// </summary>
public sealed class AddModel(
    UserManager<ApplicationUser> users,
    OtpEnrolment enrolment,
    DeviceChanges deviceChanges,
    IssuedRecoveryCodes issuedCodes,
    IStringLocalizer<ManageText> text,
    IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public OtpEnrolmentInput Enrolment { get; set; } = new();

    public OtpEnrolmentFormsModel Forms { get; private set; } = new(null, text["Devices.Add.DefaultName"], OtpType.Totp);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostBeginAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var (view, error) = await enrolment.TryBeginAsync(user, Enrolment);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error.Message.In(messages));
        }

        Forms = new(view, Enrolment.Name, Enrolment.Type);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await enrolment.ResumeAsync(user, Enrolment.DeviceId) is not { } view)
        {
            return RedirectToPage();
        }

        if (await enrolment.TryConfirmAsync(user, view, Enrolment) is { } error)
        {
            ModelState.AddModelError(string.Empty, error.Message.In(messages));
            Forms = new(view, view.DeviceName, Enrolment.Type);
            return Page();
        }

        var codes = await deviceChanges.AddedAsync(user.Id, view.DeviceName);
        TempData["StatusMessage"] = text["Devices.Added.Status", view.DeviceName].Value;
        if (codes is not null)
        {
            // The first device: its recovery codes are shown once before the device list.
            await issuedCodes.KeepAsync(TempData, user.Id, codes);
            return RedirectToPage("/Manage/RecoveryCodes/Show", new { ReturnUrl = "/Manage/TwoStep" });
        }

        return RedirectToPage("Index");
    }
}
