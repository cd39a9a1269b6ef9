using System.ComponentModel.DataAnnotations;
using IdentityProvider.Connect;
using IdentityProvider.Data.Entities;
using IdentityProvider.ExternalSignIn;
using IdentityProvider.Localization;
using IdentityProvider.Pages.Shared;
using IdentityProvider.Passkeys;
using IdentityProvider.Settings;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>
/// The password step. Failures count toward Identity's lockout; the message never tells whether the e-mail
/// exists. A correct password leads on to the OTP step or enrolment when the user owes one. When the policy allows,
/// "Sign in with a passkey" (and the e-mail field's autofill) signs in without a password (<see cref="PasswordlessSignIn"/>).
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    UserManager<ApplicationUser> users,
    PasswordStep passwordStep,
    TwoStepGate twoStepGate,
    PasswordlessSignIn passwordless,
    ProviderSettings settings,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set by the authorization endpoint for prompt=login and max_age: a remembered browser does not count.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Fresh { get; set; }

    /// <summary>Why the user is back at the password step: <c>expired</c> or <c>locked</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    public string? ErrorMessage { get; private set; }

    [BindProperty]
    public PasskeyAnswer Passkey { get; set; } = new();

    /// <summary>"Sign in with a passkey", offered when the policy allows passwordless sign-in.</summary>
    public PasskeyForm? PasskeyForm => passwordless.IsOffered
        ? new("passkey-sign-in", "get", Url.Page(null, "PasskeyOptions")!, Url.Page(null, "Passkey")!, text["Login.Passkey.Button"])
        {
            ReturnUrl = ReturnUrl,
            Conditional = true,
        }
        : null;

    /// <summary>The upstream providers offered below the password form ("Sign in with {Name}").</summary>
    public IReadOnlyList<ExternalProvider> ExternalProviders => settings.ExternalProviders;

    public void OnGet()
    {
        // The relying party's login_hint fills the e-mail field; the user can still type another.
        Input.Email = AuthorizationRequests.LoginHint(ReturnUrl) ?? Input.Email;
        ErrorMessage = Reason switch
        {
            "expired" => text["Login.Expired"],
            // After failed one-time passwords: the user proved the password, so the lockout can be named.
            "locked" => text["Common.LockedOut"],
            _ => ExternalReason(Reason),
        };
    }

    /// <summary>"Sign in with {Name}": to the upstream and back, with the relying party's request kept for afterwards.</summary>
    /// <param name="externalChallenge">Asked for here only: without configured providers OpenIddict's client is not registered.</param>
    public async Task<IActionResult> OnPostExternalAsync(string? provider, [FromServices] ExternalChallenge externalChallenge)
    {
        if (ExternalProviders.FirstOrDefault(candidate => candidate.Id == provider) is not { } chosen)
        {
            ErrorMessage = text["Login.ChooseMethod"];
            return Page();
        }

        if (await externalChallenge.StartAsync(chosen, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage", Fresh))
        {
            return new EmptyResult();
        }

        ErrorMessage = ExternalReason(ExternalSignInReasons.Failed);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var step = await passwordStep.CheckAsync(HttpContext.Connection.RemoteIpAddress, email, user, Input.Password);
        if (step.Outcome != PasswordStepOutcome.Succeeded)
        {
            // Warning: one answer to every other outcome (unknown e-mail, wrong password, locked or disabled account).
            ErrorMessage = step.Outcome == PasswordStepOutcome.Throttled ? ThrottledAttempt.Answer(Response, step.Attempt, text) : InvalidCredentials;
            return Page();
        }

        var next = await twoStepGate.AfterFirstStepAsync(
            user!, AuthorizationRequests.DemandsMultiFactor(ReturnUrl), Fresh, passkeyDemanded: AuthorizationRequests.DemandsPasskey(ReturnUrl));
        return After(next);
    }

    /// <summary>The request options for a passwordless sign-in (passkeys.js asks, then runs the browser's dialog or autofill).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await passwordless.BeginAsync(HttpContext) is { } ceremony ? PasskeyCeremonyAnswer.Of(ceremony) : NotFound();

    /// <summary>The browser's answer to a passwordless sign-in.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        if (Passkey.CredentialJson is not { } credential)
        {
            ErrorMessage = text["Login.Passkey.Refused"];
            return Page();
        }

        var (next, refusal) = await passwordless.SignInAsync(HttpContext, Passkey.State, credential, AuthorizationRequests.DemandsMultiFactor(ReturnUrl), Fresh);
        if (refusal != PasskeyRefusal.None)
        {
            ErrorMessage = text[refusal switch
            {
                PasskeyRefusal.CeremonyExpired => "Login.Passkey.Expired",
                PasskeyRefusal.LockedOut or PasskeyRefusal.Unavailable => "Login.Passkey.Unavailable",
                _ => "Login.Passkey.Refused",
            }];
            return Page();
        }

        return After(next);
    }

    /// <summary>Where the first step leads: the second step, enrolment, or (signed in) the return address.</summary>
    private IActionResult After(TwoStepNext next) => next switch
    {
        TwoStepNext.OneTimePassword => RedirectToPage("/Account/TwoStep", new { ReturnUrl }),
        TwoStepNext.Enrolment => RedirectToPage("/Account/EnrolTwoStep", new { ReturnUrl }),
        _ => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Manage"),
    };

    /// <summary>
    /// Warning: the one answer to every failed password step (unknown e-mail, wrong password, locked or disabled
    /// account), given in the same time, so the page never tells which accounts exist or are locked.
    /// </summary>
    private string InvalidCredentials => text["Login.InvalidCredentials"];

    /// <summary>Words for an external sign-in that came back here (<see cref="ExternalSignInReasons"/>); null for another reason.</summary>
    private string? ExternalReason(string? reason) => reason switch
    {
        ExternalSignInReasons.Failed => text["Login.External.Failed"].Value,
        ExternalSignInReasons.Unknown => text["Login.External.Unknown"].Value,
        ExternalSignInReasons.Unavailable => text["Login.External.Unavailable"].Value,
        _ => null,
    };

    /// <summary>Its messages and names are keys of <see cref="AccountText"/> (the data-annotation localizer of this folder).</summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Field.Email.Required")]
        [StringLength(256, ErrorMessage = "Field.Email.TooLong")]
        [EmailAddress(ErrorMessage = "Field.Email.Invalid")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Field.Password.Required")]
        [StringLength(1024, ErrorMessage = "Field.Password.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = "";
    }
}
