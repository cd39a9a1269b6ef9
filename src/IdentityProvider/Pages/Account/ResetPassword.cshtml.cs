using IdentityProvider.Localization;
using IdentityProvider.PasswordReset;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// The e-mailed reset link: the new password twice, and for a user with two-step sign-in a one-time password or a
/// recovery code too. Note: a completed reset does not sign anyone in; the user then signs in with both steps.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ResetPasswordModel(PasswordResetLinks links, ResetSecondStep secondStep, IStringLocalizer<AccountText> text) : PageModel
{
    private const int MaxPasswordLength = 1024;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "link")]
    public string? LinkId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Invalid { get; private set; }

    public bool Done { get; private set; }

    /// <summary>The account has two-step sign-in on: the form asks for a one-time password or a recovery code.</summary>
    public bool AsksForCode { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await links.FindValidAsync(UserId, LinkId, Code);
        Invalid = user is null;
        AsksForCode = user is not null && await secondStep.IsRequiredAsync(user);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await links.FindValidAsync(UserId, LinkId, Code) is not { } user)
        {
            Invalid = true;
            return Page();
        }

        AsksForCode = await secondStep.IsRequiredAsync(user);
        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", text["NewPassword.Missing"]);
            return Page();
        }

        if (Input.NewPassword.Length > MaxPasswordLength)
        {
            ModelState.AddModelError("Input.NewPassword", text["NewPassword.TooLong", MaxPasswordLength]);
            return Page();
        }

        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["NewPassword.Mismatch"]);
            return Page();
        }

        var (outcome, problems) = await links.ResetAsync(UserId, LinkId, Code, Input.SecondStepCode, Input.NewPassword);
        switch (outcome)
        {
            case ResetOutcome.Done:
                Done = true;
                break;
            case ResetOutcome.LinkInvalid:
                Invalid = true;
                break;
            case ResetOutcome.PasswordInvalid:
                problems.ToList().ForEach(problem => ModelState.AddModelError("Input.NewPassword", problem));
                break;
            case ResetOutcome.CodeMissing:
                ModelState.AddModelError("Input.SecondStepCode", text["ResetPassword.CodeMissing"]);
                break;
            case ResetOutcome.CodeRejected:
                ModelState.AddModelError("Input.SecondStepCode", text["ResetPassword.CodeRejected"]);
                break;
            case ResetOutcome.Locked:
                ModelState.AddModelError(string.Empty, text["Common.LockedOut"]);
                break;
        }

        return Page();
    }

    public sealed class InputModel
    {
        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }

        public string? SecondStepCode { get; set; }
    }
}
