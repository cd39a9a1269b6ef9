using System.ComponentModel.DataAnnotations;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages.Account;

/// <summary>The password step. Failures count toward Identity's lockout; the message never tells whether the e-mail exists.</summary>
[AllowAnonymous]
public sealed class LoginModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SessionSignIn sessions,
    SecurityLog securityLog,
    TimeProvider time) : PageModel
{
    private const string InvalidCredentials = "The e-mail address or the password is not correct.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Spend the same time as for a real account, so timing does not reveal which e-mails exist.
            UnknownAccountDelay.VerifyDummyPassword(users.PasswordHasher, Input.Password);
            // Warning: the typed e-mail is not logged: people type passwords into the wrong field.
            await securityLog.WriteAsync(SecurityEventKinds.PasswordFailed, null, "unknown account");
            ErrorMessage = InvalidCredentials;
            return Page();
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await securityLog.WriteAsync(SecurityEventKinds.LockedOut, user.Id);
            ErrorMessage = "This account is locked after too many failed attempts. Try again later.";
            return Page();
        }

        if (!result.Succeeded)
        {
            await securityLog.WriteAsync(SecurityEventKinds.PasswordFailed, user.Id);
            ErrorMessage = InvalidCredentials;
            return Page();
        }

        await sessions.SignInAsync(user, SessionProof.PasswordOnly(time.GetUtcNow()));
        await securityLog.WriteAsync(SecurityEventKinds.SignInSucceeded, user.Id, "password");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address can have at most 256 characters.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(1024, ErrorMessage = "The password can have at most 1024 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
