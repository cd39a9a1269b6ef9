using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Passkeys;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage.Passkeys;

/// <summary>Removes one of the user's passkeys after the password is entered again (<see cref="PasswordReentry"/>), as a device is.</summary>
public sealed class RemoveModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    UserPasskeys userPasskeys,
    SecondStepMethods secondSteps,
    IStringLocalizer<ManageText> text) : PasswordConfirmedPageModel(signInManager, text)
{
    /// <summary>The credential id (base64url).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public string PasskeyName { get; private set; } = "";

    /// <summary>Whether it is the user's only second-step method (no device, no other passkey).</summary>
    public bool IsLastMethod { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return NotFound();
        }

        if (!await PasswordConfirmedAsync(user))
        {
            return Page();
        }

        await userPasskeys.RemoveAsync(user.Id, Id!);
        TempData["StatusMessage"] = Text["Passkeys.Removed", PasskeyName].Value;
        return RedirectToPage("Index");
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user
            || (await userPasskeys.ListAsync(user.Id)).FirstOrDefault(passkey => passkey.Id == Id) is not { } passkey)
        {
            return null;
        }

        PasskeyName = passkey.Name;
        IsLastMethod = await secondSteps.CountAsync(user.Id) == 1;
        return user;
    }
}
