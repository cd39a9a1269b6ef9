using System.Collections.Immutable;
using IdentityProvider.Auditing;
using IdentityProvider.Clients;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// <c>/connect/authorize</c>, after OpenIddict has validated the client, redirect URI and PKCE: decides
/// whether the user must sign in (again) or consent, and otherwise issues the authorization code.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        UserManager<ApplicationUser> users,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        ClaimsFactory claimsFactory,
        IAntiforgery antiforgery,
        SecurityLog securityLog,
        PendingSignIn pending,
        SecondStepMethods secondSteps,
        PasskeyRequirement passkeyRequirement,
        TimeProvider time)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var proof = SessionProof.From(session.Principal);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        var freshSignInNeeded = proof is not null && AuthorizationRequests.NeedsFreshSignIn(request, proof, time.GetUtcNow());
        if (user is null || proof is null || freshSignInNeeded)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Error(Errors.LoginRequired, "The user is not signed in.");
            }

            return Results.Redirect(AuthorizationRequests.LoginUrl(
                AuthorizationRequests.ReturnUrl(context, afterFreshSignIn: true), fresh: freshSignInNeeded));
        }

        // A passkey as one of the two steps: asked by the relying party (acr_values=phr), or required of the user's role.
        var passkeyDemanded = AuthorizationRequests.DemandsPasskey(request) || (await passkeyRequirement.ForAsync(user)).Demanded;
        if ((AuthorizationRequests.DemandsMultiFactor(request) || passkeyDemanded) && !proof.IsMultiFactor)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Error(Errors.LoginRequired, "The relying party requires two-step sign-in.");
            }

            // Step-up: the first step was proved by this session, so only the second step is asked for (the passkey alone for phr).
            await pending.StartAsync(user, mfaDemanded: true, proof.FirstStep, passkeyDemanded && await secondSteps.HasPasskeyAsync(user.Id));
            return Results.Redirect(SecondStepUrl(context));
        }

        if (passkeyDemanded && !proof.IsPhishingResistant)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Error(Errors.UnmetAuthenticationRequirements, "A sign-in with a passkey is required.");
            }

            // Two steps without a passkey: the passkey as the second step now, or (without one) adding one first, then back here.
            if (await secondSteps.HasPasskeyAsync(user.Id))
            {
                await pending.StartAsync(user, mfaDemanded: true, proof.FirstStep, passkeyDemanded: true);
                return Results.Redirect(SecondStepUrl(context));
            }

            return Results.Redirect("/Manage/Passkeys?Demanded=true&ReturnUrl=" + Uri.EscapeDataString(AuthorizationRequests.ReturnUrl(context, afterFreshSignIn: false)));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        var applicationId = await applications.GetIdAsync(application);
        if (proof.Actor is not null && (AuthorizationRequests.DemandsUserInPerson(request)
            || ClientDescriptors.RefusesImpersonation(await applications.GetSettingsAsync(application))))
        {
            return OpenIddictResults.Error(Errors.AccessDenied, "The relying party refuses a session an administrator opened as the user.");
        }

        // Note: no refresh token from a session an administrator opened as the user; its tokens end with it.
        var scopes = proof.Actor is null ? request.GetScopes() : request.GetScopes().Remove(Scopes.OfflineAccess);
        // Note: OpenIddict let only a readable claims parameter through (ClaimsParameter.RefuseMalformed).
        _ = ClaimsRequest.TryRead(request, out var asked);
        var requested = await asked.PermittedForAsync(applications, application, context.RequestAborted);
        // A claim asked for by the claims parameter is consented to as the scope that releases it.
        var consented = scopes.Union(requested.Scopes).ToImmutableArray();
        var existing = await authorizations.FindAsync(
                subject: user.Id, client: applicationId, status: Statuses.Valid, type: AuthorizationTypes.Permanent, scopes: consented)
            .ToListAsync();

        var consentNeeded = existing.Count == 0 && await applications.HasConsentTypeAsync(application, ConsentTypes.Explicit);
        var decision = consentNeeded ? await ReadConsentDecisionAsync(context, antiforgery) : null;
        if (consentNeeded && decision is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Error(Errors.ConsentRequired, "The user has not consented to this application.");
            }

            return Results.Redirect("/Account/Consent?returnUrl=" + Uri.EscapeDataString(AuthorizationRequests.ReturnUrl(context, afterFreshSignIn: false)));
        }

        if (decision == ConsentForm.Deny)
        {
            await securityLog.WriteAsync(SecurityEventKinds.ConsentDenied, user.Id, clientId: request.ClientId);
            return OpenIddictResults.Error(Errors.AccessDenied, "The user denied the application access.");
        }

        var principal = await claimsFactory.CreateForUserAsync(user, proof, scopes, requested);
        if (decision == ConsentForm.Accept && proof.Actor is null)
        {
            // Remember the consent, so the next sign-in for the same scopes does not ask again (the user's, not an administrator's for the user).
            var authorization = await authorizations.CreateAsync(principal, user.Id, applicationId!, AuthorizationTypes.Permanent, consented);
            principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization));
            await securityLog.WriteAsync(SecurityEventKinds.ConsentGranted, user.Id, string.Join(' ', consented), clientId: request.ClientId);
        }
        else if (existing.Count > 0)
        {
            principal.SetAuthorizationId(await authorizations.GetIdAsync(existing[^1]));
        }

        return OpenIddictResults.SignIn(principal);
    }

    private static string SecondStepUrl(HttpContext context) =>
        "/Account/TwoStep?ReturnUrl=" + Uri.EscapeDataString(AuthorizationRequests.ReturnUrl(context, afterFreshSignIn: false));

    /// <summary>The consent page's decision, accepted only from a form carrying a valid antiforgery token.</summary>
    private static async Task<string?> ReadConsentDecisionAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return null;
        }

        var decision = context.Request.Form[ConsentForm.DecisionField].ToString();
        if (decision is not (ConsentForm.Accept or ConsentForm.Deny) || !await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }

        return decision;
    }
}
