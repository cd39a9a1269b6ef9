using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// Changes the password (the current one is required, and a wrong one counts toward the lockout). Identity renews the security stamp, which ends the
/// user's other sessions and voids their refresh tokens; this browser's session is re-issued and every
/// remembered browser is forgotten.
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    OwnPasswords passwords,
    IStringLocalizer<ManageText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Note: the current password is checked like every other password re-entry, so wrong guesses from a
        // stolen session count toward the lockout (Identity's ChangePasswordAsync alone counts nothing).
        if (await PasswordReentry.CheckAsync(signInManager, user, Input.CurrentPassword) is { } wrong)
        {
            ModelState.AddModelError(string.Empty, text[wrong == PasswordReentry.WrongPassword ? "ChangePassword.WrongCurrent" : wrong]);
            return Page();
        }

        var result = await passwords.ChangeAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty,
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? text["ChangePassword.WrongCurrent"] : error.Description);
            }

            return Page();
        }

        TempData["StatusMessage"] = text["ChangePassword.Done"].Value;
        return RedirectToPage("/Manage/Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "ChangePassword.Current.Required")]
        [StringLength(1024, ErrorMessage = "Common.Password.TooLong")]
        [Display(Name = "ChangePassword.Current")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Common.NewPassword.Required")]
        [StringLength(1024, MinimumLength = 8, ErrorMessage = "Common.NewPassword.Length")]
        [Display(Name = "Common.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "ChangePassword.Mismatch")]
        [Display(Name = "Common.ConfirmNewPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
