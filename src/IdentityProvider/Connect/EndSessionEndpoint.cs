using IdentityProvider.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
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
    /// <summary>The sign-out page, which asks before it signs out.</summary>
    public const string ConfirmationPage = "/Account/Logout";

    public static async Task<IResult> HandleAsync(HttpContext context, SessionSignIn sessions)
    {
        var userId = context.User.GetClaim(Claims.Subject);
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (userId is not null && !await HintNamesAsync(context, userId))
        {
            // Warning: without an id_token_hint of this very user, any site could sign users out with a link or a
            // cross-site form: the user confirms first, and the request goes on from the confirmation page.
            var again = QueryHelpers.AddQueryString(ConnectPaths.EndSession,
                request.GetParameters().Select(parameter => new KeyValuePair<string, string?>(parameter.Key, (string?)parameter.Value)));
            return Results.Redirect(QueryHelpers.AddQueryString(ConfirmationPage, "ReturnUrl", again));
        }

        await sessions.SignOutByUserAsync(request.ClientId);

        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/Account/SignedOut" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>Whether the request carries an id_token_hint (validated by OpenIddict) issued to this user.</summary>
    private static async Task<bool> HintNamesAsync(HttpContext context, string userId) =>
        (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal?.GetClaim(Claims.Subject) == userId;
}
