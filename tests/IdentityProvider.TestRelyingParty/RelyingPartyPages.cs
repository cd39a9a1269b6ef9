using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IdentityProvider.TestRelyingParty;

/// <summary>Plain HTML pages with stable ids, so tests can assert without a view engine.</summary>
internal static class RelyingPartyPages
{
    public static IEndpointRouteBuilder MapRelyingPartyPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (ClaimsPrincipal user) => Page(user.Identity?.IsAuthenticated == true ? SignedIn(user) : NotSignedIn));

        // ?acr_values=phr asks for that sign-in only, as an app's "sign in with a passkey" link would.
        app.MapGet("/login", (HttpContext context) =>
        {
            var properties = new AuthenticationProperties { RedirectUri = "/" };
            if (context.Request.Query[RelyingPartyHost.AcrValuesItem].ToString() is { Length: > 0 } acrValues)
            {
                properties.Items[RelyingPartyHost.AcrValuesItem] = acrValues;
            }

            return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        });

        // Signing out of the OIDC scheme redirects to end_session with id_token_hint and post_logout_redirect_uri.
        app.MapGet("/logout", () => Results.SignOut(
            authenticationSchemes: [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));

        app.MapGet("/signed-out", () => Page("<h1>Signed out</h1>\n<p><a href=\"/login\">Sign in</a></p>"));

        app.MapGet("/error", (string? message) =>
            Page($"<h1>Sign-in failed</h1>\n<p id=\"error\">{Encode(message)}</p>\n<p><a href=\"/login\">Sign in</a></p>"));

        // A plain 401 rather than a challenge: callers are test HttpClients, not browsers.
        app.MapGet("/tokens", async (HttpContext context) =>
            context.User.Identity?.IsAuthenticated != true
                ? Results.Unauthorized()
                : Results.Json(new Dictionary<string, string?>
                {
                    ["access_token"] = await context.GetTokenAsync("access_token"),
                    ["id_token"] = await context.GetTokenAsync("id_token"),
                    ["refresh_token"] = await context.GetTokenAsync("refresh_token"),
                }));

        return app;
    }

    private const string NotSignedIn = "<h1>Not signed in</h1>\n<p><a href=\"/login\">Sign in</a></p>";

    private static string SignedIn(ClaimsPrincipal user)
    {
        var html = new StringBuilder("<h1>Signed in</h1>\n");
        var name = user.Identity?.Name ?? user.FindFirst("preferred_username")?.Value;
        html.Append($"<p id=\"name\">{Encode(name)}</p>\n<ul id=\"claims\">\n");
        foreach (var claim in user.Claims)
        {
            html.Append($"<li data-type=\"{Encode(claim.Type)}\">{Encode(claim.Value)}</li>\n");
        }

        html.Append("</ul>\n");
        html.Append($"<p id=\"amr\">{Encode(string.Join(' ', user.FindAll("amr").Select(c => c.Value)))}</p>\n");
        html.Append($"<p id=\"acr\">{Encode(user.FindFirst("acr")?.Value)}</p>\n");
        html.Append("<p><a href=\"/logout\">Sign out</a></p>");
        return html.ToString();
    }

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    private static IResult Page(string body) => Results.Content(
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Test RP</title></head><body>\n{body}\n</body></html>",
        "text/html; charset=utf-8");
}
