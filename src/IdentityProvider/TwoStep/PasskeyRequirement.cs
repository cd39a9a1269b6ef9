using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.TwoStep;

/// <summary>What the policy's "passkey required for roles" asks of one user now.</summary>
/// <param name="Demanded">Every sign-in must use a passkey as one of its two steps (acr <c>phr</c>), as acr_values=phr asks.</param>
/// <param name="GraceEndsAt">The user has no passkey yet and may go on without one until then; null when not in a grace period.</param>
public sealed record PasskeyDemand(bool Demanded, DateTimeOffset? GraceEndsAt)
{
    public static readonly PasskeyDemand None = new(false, null);
}

/// <summary>
/// The policy's "passkey required" for a user's roles: a user with a passkey must use it at every sign-in; a user
/// without one gets the two-step grace period (it starts the first time the requirement is read for them), then must
/// add one before signing in to an application (the authorization endpoint sends them to add it).
/// </summary>
public sealed class PasskeyRequirement(TwoStepPolicy policy, SecondStepMethods secondSteps, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<PasskeyDemand> ForAsync(ApplicationUser user)
    {
        // Note: an administrator's suspension (a lost passkey or device) lets the password alone in, the requirement included.
        // Asked at every authorization request: the user's roles are read only when the policy names some.
        if (!policy.PasskeyRequiredForSomeRole || TwoStepSuspension.IsActive(user, time.GetUtcNow())
            || !policy.IsPasskeyRequiredFor(await users.GetRolesAsync(user)))
        {
            return PasskeyDemand.None;
        }

        if (await secondSteps.HasPasskeyAsync(user.Id))
        {
            return new PasskeyDemand(true, null);
        }

        if (user.PasskeyGraceStartedAt is null)
        {
            user.PasskeyGraceStartedAt = time.GetUtcNow();
            await users.UpdateAsync(user);
        }

        var until = policy.GraceEndsAt(user.PasskeyGraceStartedAt.Value);
        return until > time.GetUtcNow() ? new PasskeyDemand(false, until) : new PasskeyDemand(true, null);
    }
}
