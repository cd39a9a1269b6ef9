using IdentityProvider.Auditing;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.ExternalSignIn;

/// <summary>
/// <c>/signin/{id}/callback</c>: where the upstream sends the browser back. OpenIddict's client has already checked
/// the state (single use), exchanged the code with PKCE and validated the tokens; this decides what follows.
/// </summary>
public static class ExternalSignInEndpoint
{
    /// <summary>The property of the challenge that asks to link the upstream account to the user signed in now.</summary>
    public const string LinkToProperty = "idp_link_to";

    /// <summary>The property of the challenge that carries prompt=login / max_age (a remembered browser does not count).</summary>
    public const string FreshProperty = "idp_fresh";

    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder endpoints)
    {
        // Note: GET for the query response mode; POST for an upstream that uses form_post. No antiforgery token: the
        // state that OpenIddict checked plays that part.
        endpoints.MapMethods("/signin/{id}/callback", [HttpMethods.Get, HttpMethods.Post], CallbackAsync).DisableAntiforgery().AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CallbackAsync(
        string id,
        HttpContext context,
        ProviderSettings settings,
        OpenIddictClientService client,
        ExternalAccountResolver resolver,
        ExternalLogins logins,
        PendingLink pendingLink,
        ExternalSignInCompletion completion,
        UserManager<Data.Entities.ApplicationUser> users,
        SecurityLog securityLog,
        ILoggerFactory loggers)
    {
        if (settings.ExternalProviders.FirstOrDefault(candidate => candidate.Id == id) is not { } provider)
        {
            return Results.NotFound();
        }

        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        var returnUrl = result.Properties?.RedirectUri is { } target && IsLocal(target) ? target : null;
        var fresh = result.Properties?.Items.TryGetValue(FreshProperty, out var freshValue) == true && freshValue == "true";
        var registration = await client.GetClientRegistrationByProviderNameAsync(provider.Id, context.RequestAborted);
        if (!result.Succeeded || result.Principal is not { } principal
            || principal.FindFirst(Claims.Private.ProviderName)?.Value is { } answeredBy && answeredBy != provider.Id
            || ExternalIdentity.From(provider, registration.Issuer!.AbsoluteUri, principal) is not { } identity)
        {
            // Note: the error code only (access_denied, invalid_request…): the description comes from outside.
            var error = result.Properties?.Items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.Error, out var code) == true ? code : "no subject";
            var description = result.Properties?.Items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription, out var text) == true ? text : result.Failure?.Message;
            loggers.CreateLogger(typeof(ExternalSignInEndpoint)).LogWarning("External sign-in with {Provider} failed: {Error} {Description}", provider.Id, error, description);
            await securityLog.WriteAsync(SecurityEventKinds.ExternalSignInFailed, null, $"{provider.Name}: {error}");
            return Results.Redirect(ExternalSignInCompletion.LoginUrl(returnUrl, ExternalSignInReasons.Failed));
        }

        if (result.Properties?.Items.TryGetValue(LinkToProperty, out var linkTo) == true && linkTo is not null)
        {
            return Results.Redirect(await LinkToSignedInUserAsync(context, users, logins, identity, linkTo));
        }

        var (outcome, user) = await resolver.ResolveAsync(identity);
        switch (outcome)
        {
            case ExternalOutcome.SignIn:
                return Results.Redirect(await completion.ContinueAsync(user!, provider, returnUrl, fresh));
            case ExternalOutcome.ConfirmWithPassword:
                pendingLink.Start(identity, user!.Id, returnUrl, fresh);
                return Results.Redirect("/Account/LinkExternal");
            default:
                return Results.Redirect(ExternalSignInCompletion.LoginUrl(returnUrl, ExternalSignInReasons.Unknown));
        }
    }

    /// <summary>"Link" on the account page: the session proves the local account, the upstream proves the other.</summary>
    private static async Task<string> LinkToSignedInUserAsync(
        HttpContext context, UserManager<Data.Entities.ApplicationUser> users, ExternalLogins logins, ExternalIdentity identity, string linkTo)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null || user.Id != linkTo)
        {
            return ExternalSignInCompletion.LoginUrl(null, ExternalSignInReasons.Failed);
        }

        return await logins.LinkAsync(user, identity, "from the account page")
            ? "/Manage/SignInMethods?linked=" + Uri.EscapeDataString(identity.Provider.Id)
            : "/Manage/SignInMethods?taken=" + Uri.EscapeDataString(identity.Provider.Id);
    }

    // An absolute path on this site only; "//evil" and "/\evil" are other sites.
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
