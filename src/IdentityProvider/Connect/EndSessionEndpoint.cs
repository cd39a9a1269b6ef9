using IdentityProvider.Auditing;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// <c>/connect/endsession</c>: RP-initiated logout. Ends the provider session; OpenIddict then returns to the
/// client's registered <c>post_logout_redirect_uri</c> (checked against <c>id_token_hint</c>), or to the
/// provider's signed-out page when none was given.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SessionSignIn sessions, SecurityLog securityLog)
    {
        var userId = context.User.GetClaim(Claims.Subject);
        await sessions.SignOutAsync();
        if (userId is not null)
        {
            await securityLog.WriteAsync(SecurityEventKinds.SignedOut, userId, clientId: context.GetOpenIddictServerRequest()?.ClientId);
        }

        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/Account/SignedOut" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
