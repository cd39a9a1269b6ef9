using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.RecoveryCodes;

/// <summary>
/// The account page's recovery-code section: how many codes are left, and a new set after the password is
/// entered again (<see cref="PasswordReentry"/>).
/// </summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SecondStepMethods secondSteps,
    RecoveryCodeStore store,
    RecoveryCodeIssuer issuer,
    TwoStepPolicy policy,
    IssuedRecoveryCodes issuedCodes,
    IStringLocalizer<ManageText> text) : PasswordConfirmedPageModel(signInManager, text)
{
    public RecoveryCodeStatus Status { get; private set; } = new(0, 0);

    public bool HasDevice { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        if (!HasDevice)
        {
            ModelState.AddModelError(string.Empty, Text["RecoveryCodes.NoDevice.Error"]);
            return Page();
        }

        if (!await PasswordConfirmedAsync(user))
        {
            return Page();
        }

        var codes = await issuer.IssueAsync(user.Id, actorId: null, "requested by the user");
        await issuedCodes.KeepAsync(TempData, user.Id, codes);
        return RedirectToPage("Show", new { ReturnUrl = "/Manage/RecoveryCodes" });
    }

    /// <summary>The signed-in user; null when recovery codes are turned off (the section does not exist then).</summary>
    private async Task<ApplicationUser?> LoadAsync()
    {
        if (!policy.RecoveryCodesEnabled || await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Status = await store.StatusAsync(user.Id);
        HasDevice = await secondSteps.HasAnyAsync(user.Id);
        return user;
    }
}
