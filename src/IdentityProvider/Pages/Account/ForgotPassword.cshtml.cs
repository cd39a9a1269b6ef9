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
    public const string Answer =
        "If an account exists for this address, we sent it a link to reset the password. The link works once, for a limited time. Check your mailbox (and its spam folder).";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The request was taken: the page shows <see cref="Answer"/> instead of the form.</summary>
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
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address can have at most 256 characters.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";
    }
}
