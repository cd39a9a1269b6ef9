using IdentityProvider.Sessions;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authorization;

namespace IdentityProvider.Admin;

/// <summary>
/// The admin area's rule: the <c>admin</c> role and a session whose second step (a one-time password or
/// recovery code) is at most <see cref="AdminSession.EntryWindow"/> old.
/// Warning: without the second condition a stolen password alone would open the admin area.
/// </summary>
public static class AdminPolicy
{
    public const string Name = "Admin";

    public static void Build(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireRole(ProviderRoles.Administrator)
            .RequireClaim(SessionProof.MethodClaim, AuthenticationMethods.MultiFactor)
            .AddRequirements(new RecentSecondStepRequirement(AdminSession.EntryWindow));
}
