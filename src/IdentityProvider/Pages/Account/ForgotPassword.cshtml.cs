using System.ComponentModel.DataAnnotations;
using IdentityProvider.PasswordReset;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// "Forgot your password?": the e-mail address, then always the same answer in the same time, so the page never
/// tells which addresses have accounts (<see cref="PasswordResetRequests"/>).
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(PasswordResetRequests requests) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The request was taken: the page shows the one answer (<c>ForgotPassword.Answer</c>) instead of the form.</summary>
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await requests.RequestAsync(Input.Email);
        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Field.Email.Required")]
        [StringLength(256, ErrorMessage = "Field.Email.TooLong")]
        [EmailAddress(ErrorMessage = "Field.Email.Invalid")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";
    }
}
