using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Manage;

/// <summary>
/// An account page whose change needs the password entered again (<see cref="PasswordReentry"/>): removing a device or a
/// passkey, a new set of recovery codes. The form's one field is <c>Input.Password</c>.
/// </summary>
public abstract class PasswordConfirmedPageModel(SignInManager<ApplicationUser> signInManager, IStringLocalizer<ManageText> text) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    protected IStringLocalizer<ManageText> Text => text;

    /// <summary>Whether the password was given and is right; otherwise the field's message is on the page (a wrong one counts toward the lockout).</summary>
    protected async Task<bool> PasswordConfirmedAsync(ApplicationUser user)
    {
        if (!ModelState.IsValid)
        {
            return false;
        }

        if (await PasswordReentry.CheckAsync(signInManager, user, Input.Password) is { } error)
        {
            ModelState.AddModelError("Input.Password", text[error]);
            return false;
        }

        return true;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Common.Password.Required")]
        [StringLength(1024, ErrorMessage = "Common.Password.TooLong")]
        [Display(Name = "Common.YourPassword")]
        public string Password { get; set; } = "";
    }
}
