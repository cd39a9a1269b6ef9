using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>Sets a first password for a user who signs in only with a linked account (registered through an upstream).</summary>
public sealed class AddPasswordModel(UserManager<ApplicationUser> users, OwnPasswords passwords, IStringLocalizer<ManageText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user && await users.HasPasswordAsync(user) ? RedirectToPage("/Manage/ChangePassword") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.HasPasswordAsync(user))
        {
            return RedirectToPage("/Manage/ChangePassword");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await passwords.AddFirstAsync(user, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        TempData["StatusMessage"] = text["AddPassword.Done"].Value;
        return RedirectToPage("/Manage/SignInMethods");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Common.NewPassword.Required")]
        [StringLength(1024, MinimumLength = 8, ErrorMessage = "Common.NewPassword.Length")]
        [Display(Name = "Common.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "AddPassword.Mismatch")]
        [Display(Name = "Common.ConfirmNewPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
