using System.Globalization;
using System.Security.Claims;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.TwoStep;

/// <summary>A user who passed the password step and still owes the OTP step (or enrolment).</summary>
/// <param name="MfaDemanded">The relying party asked for two steps (acr_values=mfa): enrolment cannot be postponed.</param>
public sealed record PendingUser(ApplicationUser User, bool MfaDemanded);

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

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    public Task StartAsync(ApplicationUser user, bool mfaDemanded)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Id),
                new Claim(StartedClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                new Claim(MfaDemandedClaim, mfaDemanded ? "true" : "false"),
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
        return user is null ? null : new PendingUser(user, principal.FindFirstValue(MfaDemandedClaim) == "true");
    }

    public Task EndAsync() => Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
