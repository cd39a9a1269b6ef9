using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace IdentityProvider.Connect;

/// <summary>Results that hand a decision back to OpenIddict, which writes the protocol response.</summary>
internal static class OpenIddictResults
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IResult SignIn(ClaimsPrincipal principal) => Results.SignIn(principal, authenticationScheme: Scheme);

    /// <summary>An OAuth error response with the given code (e.g. <c>login_required</c>, <c>invalid_grant</c>).</summary>
    public static IResult Error(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);
}
