using System.ComponentModel.DataAnnotations;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// Changes the password (the current one is required, and a wrong one counts toward the lockout). Identity renews the security stamp, which ends the
/// user's other sessions and voids their refresh tokens; this browser's session is re-issued and every
/// remembered browser is forgotten.
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SessionSignIn sessions,
    RememberedBrowsers rememberedBrowsers,
    SecurityLog securityLog) : PageModel
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
            ModelState.AddModelError(string.Empty, wrong == PasswordReentry.WrongPassword ? "The current password is not correct." : wrong);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty,
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not correct." : error.Description);
            }

            return Page();
        }

        await rememberedBrowsers.ForgetAllAsync(user.Id);
        await sessions.RefreshAsync(user);
        await securityLog.WriteAsync(SecurityEventKinds.PasswordChanged, user.Id);
        TempData["StatusMessage"] = "Your password has been changed.";
        return RedirectToPage("/Manage/Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(1024, ErrorMessage = "The password can have at most 1024 characters.")]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(1024, MinimumLength = 8, ErrorMessage = "The new password must have 8 to 1024 characters.")]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match.")]
        [Display(Name = "Confirm new password")]
        public string ConfirmPassword { get; set; } = "";
    }
}
