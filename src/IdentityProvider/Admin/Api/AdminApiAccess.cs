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
/// so no cross-site request can act) carrying the <see cref="Scope"/> scope, obtained by a service client
/// (client credentials) or by an administrator (personal access token). Anonymous: 401; no scope: 403.
/// </summary>
public static class AdminApiAccess
{
    public const string PolicyName = "AdminApi";

    /// <summary>The scope a token needs for the admin API.</summary>
    public const string Scope = "idp.admin";

    public static void Build(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AdminApiCallerRequirement());
}

public sealed class AdminApiCallerRequirement : IAuthorizationRequirement;

/// <summary>
/// The token has the scope, and when it acts for a user (a personal access token, or any token whose subject
/// is not the client itself) that user is an administrator now and not disabled.
/// Warning: checked on every call, so a user who lost the admin role cannot use a token issued before.
/// </summary>
internal sealed class AdminApiCallerHandler(UserManager<ApplicationUser> users) : AuthorizationHandler<AdminApiCallerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminApiCallerRequirement requirement)
    {
        var principal = context.User;
        if (!principal.HasScope(AdminApiAccess.Scope))
        {
            return;
        }

        var subject = principal.GetClaim(Claims.Subject);
        var clientId = principal.GetClaim(Claims.ClientId);
        var actsForUser = principal.HasClaim(claim => claim.Type == PersonalAccessTokenProtocol.TokenIdClaim) || subject != clientId;
        if (actsForUser && (subject is null || await users.FindByIdAsync(subject) is not { IsDisabled: false } user
            || !await users.IsInRoleAsync(user, ProviderRoles.Administrator) || await users.IsLockedOutAsync(user)))
        {
            return;
        }

        context.Succeed(requirement);
    }
}
