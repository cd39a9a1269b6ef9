using IdentityProvider.Sessions;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authorization;

namespace IdentityProvider.Admin;

/// <summary>
/// The admin area's rule: the <c>admin</c> role and a session whose second step (a one-time password or
/// recovery code) is at most <see cref="AdminSession.EntryWindow"/> old.
/// Warning: without the second condition a stolen password alone would open the admin area. A session an administrator
/// opened as a user (<see cref="SessionProof.Actor"/>) never enters it, whatever the user's roles.
/// </summary>
public static class AdminPolicy
{
    public const string Name = "Admin";

    public static void Build(AuthorizationPolicyBuilder policy) => TwoSteps(policy, ProviderRoles.Administrator);

    /// <summary>Both steps within the entry window, and one of <paramref name="roles"/>.</summary>
    internal static void TwoSteps(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser()
            .RequireRole(roles)
            .RequireClaim(SessionProof.MethodClaim, AuthenticationMethods.MultiFactor)
            .RequireAssertion(context => ActingAdministrator.From(context.User) is null)
            .AddRequirements(new RecentSecondStepRequirement(AdminSession.EntryWindow));
}

/// <summary>
/// The user pages' rule: the same session as <see cref="AdminPolicy"/>, with the <c>admin</c> or the <c>user-manager</c> role.
/// </summary>
public static class UserManagementPolicy
{
    public const string Name = "UserManagement";

    public static void Build(AuthorizationPolicyBuilder policy) => AdminPolicy.TwoSteps(policy, ProviderRoles.Administrator, ProviderRoles.UserManager);
}
