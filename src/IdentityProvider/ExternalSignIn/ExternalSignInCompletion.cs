using IdentityProvider.Auditing;
using IdentityProvider.Connect;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.ExternalSignIn;

/// <summary>
/// Goes on after the upstream proved who the person is, exactly as after a correct password: the two-step gate
/// decides between the session, the OTP step and enrolment, with <c>fed</c> where <c>pwd</c> would stand.
/// </summary>
public sealed class ExternalSignInCompletion(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signInManager, TwoStepGate gate, SecurityLog securityLog)
{
    public const string LoginPath = "/Account/Login";

    /// <summary>Where the browser goes next: the OTP step, enrolment, the relying party, or the sign-in page with a reason.</summary>
    public async Task<string> ContinueAsync(ApplicationUser user, ExternalProvider provider, string? returnUrl, bool fresh)
    {
        if (await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            await securityLog.WriteAsync(SecurityEventKinds.ExternalSignInRefused, user.Id, $"{provider.Name}: account {(user.IsDisabled ? "disabled" : "locked")}");
            return LoginUrl(returnUrl, ExternalSignInReasons.Unavailable);
        }

        var next = await gate.AfterFirstStepAsync(user, AuthorizationRequests.DemandsMultiFactor(returnUrl), fresh, AuthenticationMethods.Federated);
        return next switch
        {
            TwoStepNext.OneTimePassword => WithReturnUrl("/Account/TwoStep", returnUrl),
            TwoStepNext.Enrolment => WithReturnUrl("/Account/EnrolTwoStep", returnUrl),
            _ => returnUrl ?? "/Manage",
        };
    }

    /// <summary>The sign-in page with the message for <paramref name="reason"/> (<see cref="ExternalSignInReasons"/>).</summary>
    public static string LoginUrl(string? returnUrl, string reason) =>
        QueryHelpers.AddQueryString(WithReturnUrl(LoginPath, returnUrl), "Reason", reason);

    private static string WithReturnUrl(string path, string? returnUrl) =>
        returnUrl is null ? path : QueryHelpers.AddQueryString(path, "ReturnUrl", returnUrl);
}

/// <summary>Why an external sign-in came back to the sign-in page (the page says it in words: <c>Login.External.*</c> of AccountText).</summary>
public static class ExternalSignInReasons
{
    /// <summary>The upstream refused, the answer was not valid (state, token), or the upstream could not be reached.</summary>
    public const string Failed = "external-failed";

    /// <summary>No local account belongs to the upstream account, and registration is off.</summary>
    public const string Unknown = "external-unknown";

    /// <summary>The linked account is locked or disabled.</summary>
    public const string Unavailable = "external-unavailable";
}
