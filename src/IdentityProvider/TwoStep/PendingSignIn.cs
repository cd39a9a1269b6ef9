using System.Globalization;
using System.Security.Claims;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.TwoStep;

/// <summary>A user who passed the first step (password or an external provider) and still owes the OTP step (or enrolment).</summary>
/// <param name="MfaDemanded">The relying party asked for two steps (acr_values=mfa): enrolment cannot be postponed.</param>
/// <param name="FirstStep">The <c>amr</c> of the first step: <c>pwd</c>, <c>fed</c> after an external provider, <c>hwk</c> after a passkey without user verification.</param>
/// <param name="PasskeyDemanded">The relying party asked for a phishing-resistant sign-in (acr_values=phr): only a passkey may be the second step.</param>
/// <param name="Id">This pending sign-in (one browser's), to bind a passkey ceremony to it.</param>
public sealed record PendingUser(ApplicationUser User, bool MfaDemanded, string FirstStep = AuthenticationMethods.Password, bool PasskeyDemanded = false, string Id = "")
{
    /// <summary>A passkey may be the second step unless it already was the first (one key is one factor).</summary>
    public bool PasskeyMayFollow => FirstStep != AuthenticationMethods.HardwareKey;
}

/// <summary>
/// The half-finished sign-in between the two steps, kept in Identity's short-lived two-factor cookie.
/// Note: no session cookie exists and no code can be minted until <see cref="TwoStepCompletion"/> runs.
/// </summary>
public sealed class PendingSignIn(IHttpContextAccessor httpContextAccessor, UserManager<ApplicationUser> users, TimeProvider time)
{
    /// <summary>How long the OTP page waits for the code before the password must be entered again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const string StartedClaim = "pending_since";
    private const string MfaDemandedClaim = "mfa_demanded";
    private const string FirstStepClaim = "first_step";
    private const string PasskeyDemandedClaim = "passkey_demanded";
    private const string IdClaim = "pending_id";

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    /// <param name="firstStep">What the user proved first: <c>pwd</c>, <c>fed</c> after an external provider, or <c>hwk</c>.</param>
    /// <param name="passkeyDemanded">Only a passkey may be the second step (acr_values=phr).</param>
    public Task StartAsync(ApplicationUser user, bool mfaDemanded, string firstStep = AuthenticationMethods.Password, bool passkeyDemanded = false)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Id),
                new Claim(StartedClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                new Claim(MfaDemandedClaim, mfaDemanded ? "true" : "false"),
                new Claim(FirstStepClaim, firstStep),
                new Claim(PasskeyDemandedClaim, passkeyDemanded ? "true" : "false"),
                new Claim(IdClaim, Guid.NewGuid().ToString("N")),
            ],
            IdentityConstants.TwoFactorUserIdScheme);
        return Http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The pending user, or null when there is none or it expired.</summary>
    public async Task<PendingUser?> ReadAsync()
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var principal = result.Principal;
        if (!result.Succeeded || principal is null
            || !long.TryParse(principal.FindFirstValue(StartedClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var started)
            || time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(started) > Lifetime)
        {
            return null;
        }

        var user = await users.FindByIdAsync(principal.FindFirstValue(ClaimTypes.Name) ?? "");
        var firstStep = principal.FindFirstValue(FirstStepClaim) is { } step && AuthenticationMethods.IsFirstStep(step) ? step : AuthenticationMethods.Password;
        return user is null ? null : new PendingUser(
            user, principal.FindFirstValue(MfaDemandedClaim) == "true", firstStep, principal.FindFirstValue(PasskeyDemandedClaim) == "true",
            principal.FindFirstValue(IdClaim) ?? "");
    }

    public Task EndAsync() => Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
