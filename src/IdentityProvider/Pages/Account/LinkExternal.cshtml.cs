using System.ComponentModel.DataAnnotations;
using IdentityProvider.Data.Entities;
using IdentityProvider.ExternalSignIn;
using IdentityProvider.Localization;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// An upstream account whose e-mail address matches a local account: that account's password links the two (never
/// the address alone). Wrong passwords count toward the lockout and the address's delays, as at the sign-in page.
/// </summary>
[AllowAnonymous]
public sealed class LinkExternalModel(
    PendingLink pendingLink,
    UserManager<ApplicationUser> users,
    PasswordStep passwordStep,
    ExternalLogins logins,
    ExternalSignInCompletion completion,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The provider's name, as its button says.</summary>
    public string ProviderName { get; private set; } = "";

    /// <summary>The address both accounts share.</summary>
    public string Email { get; private set; } = "";

    public IActionResult OnGet() => Load() is null ? Expired() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Load() is not { } pending)
        {
            return Expired();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(pending.UserId);
        var step = await passwordStep.CheckAsync(HttpContext.Connection.RemoteIpAddress, Email, user, Input.Password, $"linking a {ProviderName} account");
        switch (step.Outcome)
        {
            case PasswordStepOutcome.Throttled:
                ModelState.AddModelError("Input.Password", ThrottledAttempt.Answer(Response, step.Attempt, text));
                return Page();
            case PasswordStepOutcome.Unavailable:
                pendingLink.End();
                return Redirect(ExternalSignInCompletion.LoginUrl(pending.ReturnUrl, ExternalSignInReasons.Unavailable));
            case PasswordStepOutcome.Refused:
                ModelState.AddModelError("Input.Password", text["LinkExternal.WrongPassword"]);
                return Page();
        }

        pendingLink.End();
        if (!await logins.LinkAsync(user!, pending.Identity, "after the local password"))
        {
            return Redirect(ExternalSignInCompletion.LoginUrl(pending.ReturnUrl, ExternalSignInReasons.Failed));
        }

        return Redirect(await completion.ContinueAsync(user!, pending.Identity.Provider, pending.ReturnUrl, pending.Fresh));
    }

    private (ExternalIdentity Identity, string UserId, string? ReturnUrl, bool Fresh)? Load()
    {
        var pending = pendingLink.Read();
        if (pending is { } waiting)
        {
            ProviderName = waiting.Identity.Provider.Name;
            Email = waiting.Identity.Email ?? "";
        }

        return pending;
    }

    private RedirectResult Expired() => Redirect(ExternalSignInCompletion.LoginUrl(null, ExternalSignInReasons.Failed));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "LinkExternal.Password.Required")]
        [StringLength(1024, ErrorMessage = "Field.Password.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "LinkExternal.Password")]
        public string Password { get; set; } = "";
    }
}
