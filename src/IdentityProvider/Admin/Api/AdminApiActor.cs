using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Admin.Api;

/// <summary>Who the security log names as the actor of an API call: the administrator behind a PAT, or the service client.</summary>
public static class AdminApiActor
{
    public static string Of(ClaimsPrincipal principal) =>
        principal.GetClaim(Claims.Subject) ?? principal.GetClaim(Claims.ClientId) ?? "unknown";
}
