using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// The one-time set-password link an administrator handed over: the new password, twice. Note: the link
/// works once (<see cref="PasswordLinks"/>), and a completed set does not sign anyone in: the user then
/// signs in with the new password (and the second step when owed), like everyone else.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SetPasswordModel(PasswordLinks links, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The link is void: no form, only the message.</summary>
    public bool Invalid { get; private set; }

    /// <summary>The password was set: the page says so and offers the sign-in.</summary>
    public bool Done { get; private set; }

    public async Task OnGetAsync() => Invalid = !await links.IsValidAsync(UserId, Code);

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", text["NewPassword.Missing"]);
            return Page();
        }

        if (Input.NewPassword.Length > UserFields.MaxPasswordLength)
        {
            ModelState.AddModelError("Input.NewPassword", text["NewPassword.TooLong", UserFields.MaxPasswordLength]);
            return Page();
        }

        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["NewPassword.Mismatch"]);
            return Page();
        }

        var (outcome, problems) = await links.SetPasswordAsync(UserId, Code, Input.NewPassword);
        switch (outcome)
        {
            case PasswordLinkOutcome.LinkInvalid:
                Invalid = true;
                return Page();
            case PasswordLinkOutcome.PasswordInvalid:
                foreach (var problem in problems)
                {
                    ModelState.AddModelError("Input.NewPassword", problem);
                }

                return Page();
        }

        Done = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
