using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Impersonation;

/// <summary>
/// Where a session as a user ends without "Return to my account": at sign-out (the browser is signed out of both
/// sessions), and on any request once <see cref="Impersonations.WhyOverAsync"/> gives a reason.
/// </summary>
internal sealed class ImpersonationSessionEnd(ServerSessions serverSessions, SecurityLog securityLog, IHttpContextAccessor httpContextAccessor)
    : ISessionEndHandler
{
    public async Task SessionEndingAsync(string userId)
    {
        if (ActingAdministrator.From(httpContextAccessor.HttpContext?.User) is { } actor)
        {
            // The session as the user was ended by the sign-out itself; the administrator's, kept aside, ends with it.
            await serverSessions.EndAsync(actor.SessionId);
            await Impersonations.WriteEndAsync(securityLog, userId, actor, "signed out");
        }
    }

    /// <summary>
    /// Cookie validation, before the server session's (so a session as a user ended elsewhere ends the administrator's too):
    /// a session as a user whose time or grounds are over is refused.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // Note: on every request; the actor's claim alone says whether anything more is to be read.
        if (ActingAdministrator.From(context.Principal) is null || SessionProof.From(context.Principal) is not { Actor: { } actor } proof)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var impersonations = services.GetRequiredService<Impersonations>();
        if (await impersonations.WhyOverAsync(actor, proof.SessionId) is not { } why)
        {
            return;
        }

        var userId = services.GetRequiredService<UserManager<ApplicationUser>>().GetUserId(context.Principal!);
        await impersonations.EndAsync(userId!, proof, why, withAdministratorsSession: true);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
