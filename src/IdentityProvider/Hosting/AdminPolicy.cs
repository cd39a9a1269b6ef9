using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authorization;

namespace IdentityProvider.Hosting;

/// <summary>
/// The admin area's rule: the <c>admin</c> role and a session that passed both steps.
/// Warning: without the second condition a stolen password alone would open the admin area.
/// </summary>
public static class AdminPolicy
{
    public const string Name = "Admin";
    public const string Role = "admin";

    public static void Build(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser()
            .RequireRole(Role)
            .RequireClaim(SessionProof.MethodClaim, AuthenticationMethods.MultiFactor);
}
