using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Sessions;

/// <summary>
/// Issues, refreshes and ends the provider's session cookie. The cookie is issued only when every
/// step of a sign-in has passed, and always carries the <see cref="SessionProof"/> of that sign-in.
/// </summary>
public sealed class SessionSignIn(
    SignInManager<ApplicationUser> signInManager,
    ApplicationDbContext db,
    ServerSessions serverSessions,
    IEnumerable<ISessionEndHandler> endHandlers,
    UserLanguages languages,
    SecurityLog securityLog,
    IHttpContextAccessor httpContextAccessor)
{
    public async Task SignInAsync(ApplicationUser user, SessionProof proof)
    {
        if (proof.SessionId is null)
        {
            // A new sign-in on this browser replaces the session it had, if any.
            if (SessionProof.From(httpContextAccessor.HttpContext?.User)?.SessionId is { } previous)
            {
                await serverSessions.EndAsync(previous);
            }

            proof = proof with { SessionId = await serverSessions.StartAsync(user.Id) };
        }

        await signInManager.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, proof.ToClaims());
        if (proof.Actor is not null)
        {
            // An administrator's session as the user is not the user's sign-in: the last sign-in and the mails' language stay the user's.
            return;
        }

        if (user.LastSignInAt != proof.AuthenticatedAt)
        {
            // One UPDATE of one column: no concurrency stamp to collide with a parallel change of the user.
            await db.Users.Where(candidate => candidate.Id == user.Id)
                .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.LastSignInAt, proof.AuthenticatedAt));
        }

        // The language and time zone of this sign-in are the ones the user's mails are written in.
        await languages.RecordSignInAsync(user);
    }

    /// <summary>Re-issues the cookie after the security stamp changed (e.g. a new password), keeping what was proved.</summary>
    public async Task RefreshAsync(ApplicationUser user)
    {
        var proof = SessionProof.From(httpContextAccessor.HttpContext?.User);
        if (proof is null)
        {
            await signInManager.RefreshSignInAsync(user);
            return;
        }

        await SignInAsync(user, proof);
    }

    /// <summary>
    /// The user signs out (the sign-out page, or a relying party's end-session request naming <paramref name="clientId"/>):
    /// the session ends as <see cref="SignOutAsync"/> ends it, and the security log says so.
    /// </summary>
    public async Task SignOutByUserAsync(string? clientId = null)
    {
        var userId = signInManager.UserManager.GetUserId(httpContextAccessor.HttpContext?.User ?? new());
        await SignOutAsync();
        if (userId is not null)
        {
            await securityLog.WriteAsync(SecurityEventKinds.SignedOut, userId, clientId: clientId);
        }
    }

    /// <summary>
    /// Ends the session, on the server too (every copy of the cookie stops working), after every
    /// <see cref="ISessionEndHandler"/> (e.g. the remembered browser is forgotten).
    /// </summary>
    public async Task SignOutAsync()
    {
        if (SessionProof.From(httpContextAccessor.HttpContext?.User)?.SessionId is { } sessionId)
        {
            await serverSessions.EndAsync(sessionId);
        }

        if (signInManager.UserManager.GetUserId(httpContextAccessor.HttpContext?.User ?? new()) is { } userId)
        {
            foreach (var handler in endHandlers)
            {
                await handler.SessionEndingAsync(userId);
            }
        }

        await signInManager.SignOutAsync();
    }
}
