using System.Security.Claims;
using IdentityProvider.Admin.Users;
using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Admin.Api;

/// <summary>
/// Who may call <c>/api/admin</c>: a bearer access token of this provider (validated locally, never a cookie,
/// so no cross-site request can act) carrying <see cref="Scope"/> (every endpoint) or <see cref="UsersScope"/> (the user
/// endpoints a user-manager may call), obtained by a service client (client credentials) or by an administrator or a
/// user-manager (personal access token, which then reaches what the user's role reaches). Anonymous: 401; not enough: 403.
/// </summary>
public static class AdminApiAccess
{
    /// <summary>Every endpoint: an administrator's rights.</summary>
    public const string PolicyName = "AdminApi";

    /// <summary>The user endpoints a user-manager may call (<see cref="AdminRights.Users"/>).</summary>
    public const string UsersPolicyName = "AdminApiUsers";

    /// <summary>The scope of the whole admin API.</summary>
    public const string Scope = "idp.admin";

    /// <summary>The scope of the user endpoints alone: a user-manager's rights.</summary>
    public const string UsersScope = "idp.users";

    public static void Build(AuthorizationPolicyBuilder policy) => Build(policy, AdminRights.Everything);

    public static void BuildUsers(AuthorizationPolicyBuilder policy) => Build(policy, AdminRights.Users);

    /// <summary>The rights the authorization of this request found (null before it, or when it found none).</summary>
    public static AdminRights? GrantedRights(HttpContext context) => context.Items[RightsKey] as AdminRights?;

    internal static readonly object RightsKey = new();

    private static void Build(AuthorizationPolicyBuilder policy, AdminRights needed) =>
        policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AdminApiCallerRequirement(needed));
}

/// <summary>The caller's rights reach <see cref="Needed"/>.</summary>
public sealed record AdminApiCallerRequirement(AdminRights Needed) : IAuthorizationRequirement;

/// <summary>
/// The caller's rights: those of the token's scope (<c>idp.admin</c> everything, <c>idp.users</c> a user-manager's), and
/// when it acts for a user (a personal access token, or any token whose subject is not the client itself) no more than
/// that user's role gives now (<c>admin</c> everything, <c>user-manager</c> the user endpoints), the user neither disabled
/// nor locked. Found once per request and kept for the endpoint (<see cref="AdminApiAccess.GrantedRights"/>).
/// Warning: checked on every call, so a user who lost the role cannot use a token issued before.
/// </summary>
internal sealed class AdminApiCallerHandler(UserManager<ApplicationUser> users) : AuthorizationHandler<AdminApiCallerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminApiCallerRequirement requirement)
    {
        AdminRights? rights;
        if (context.Resource is HttpContext http)
        {
            if (!http.Items.TryGetValue(AdminApiAccess.RightsKey, out var found))
            {
                found = http.Items[AdminApiAccess.RightsKey] = await RightsAsync(context.User);
            }

            rights = found as AdminRights?;
        }
        else
        {
            rights = await RightsAsync(context.User);
        }

        if (rights >= requirement.Needed)
        {
            context.Succeed(requirement);
        }
    }

    private async Task<AdminRights?> RightsAsync(ClaimsPrincipal principal)
    {
        AdminRights? granted = principal.HasScope(AdminApiAccess.Scope) ? AdminRights.Everything
            : principal.HasScope(AdminApiAccess.UsersScope) ? AdminRights.Users
            : null;
        var subject = principal.GetClaim(Claims.Subject);
        var clientId = principal.GetClaim(Claims.ClientId);
        var actsForUser = principal.HasClaim(claim => claim.Type == PersonalAccessTokenProtocol.TokenIdClaim) || subject != clientId;
        if (granted is null || !actsForUser)
        {
            return granted;
        }

        if (subject is null || await users.FindByIdAsync(subject) is not { IsDisabled: false } user || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        AdminRights? role = await users.IsInRoleAsync(user, ProviderRoles.Administrator) ? AdminRights.Everything
            : await users.IsInRoleAsync(user, ProviderRoles.UserManager) ? AdminRights.Users
            : null;
        // The lesser of the two: a user-manager's token with idp.admin reaches the user endpoints only, an administrator's with idp.users too.
        return role is not { } held ? null : held < granted ? held : granted;
    }
}
