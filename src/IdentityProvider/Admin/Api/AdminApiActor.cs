using System.Security.Claims;
using IdentityProvider.Admin.Users;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Admin.Api;

/// <summary>Who the security log names as the actor of an API call: the administrator or user-manager behind a PAT, or the service client.</summary>
public static class AdminApiActor
{
    public static string Of(ClaimsPrincipal principal) =>
        principal.GetClaim(Claims.Subject) ?? principal.GetClaim(Claims.ClientId) ?? "unknown";

    /// <summary>The caller with the rights its authorization found, for the services a user-manager may call.</summary>
    public static AdminActor Of(HttpContext context) =>
        new(Of(context.User), AdminApiAccess.GrantedRights(context)
            ?? throw new InvalidOperationException("An admin API endpoint was reached without the admin API's authorization."));
}
