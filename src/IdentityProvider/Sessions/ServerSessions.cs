using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Sessions;

/// <summary>
/// The server's side of the session cookie: a row per signed-in browser, checked on every request. Warning:
/// without it, a copy of the cookie taken before "Sign out" kept working until it expired (ASVS 3.3.1); now
/// signing out deletes the row, and every copy of that cookie is refused at once on every instance.
/// </summary>
public sealed class ServerSessions(ApplicationDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider time)
{
    /// <summary>Sessions older than this are ended at the user's next sign-in, so rows of abandoned browsers do not pile up.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);

    public async Task<Guid> StartAsync(string userId)
    {
        var abandonedBefore = time.GetUtcNow() - MaxAge;
        await db.UserSessions.Where(session => session.UserId == userId && session.CreatedAt < abandonedBefore).ExecuteDeleteAsync();

        var request = httpContextAccessor.HttpContext?.Request;
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = time.GetUtcNow(),
            UserAgent = request?.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 256)] : "",
            IpAddress = request?.HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task EndAsync(Guid sessionId) =>
        await db.UserSessions.Where(session => session.Id == sessionId).ExecuteDeleteAsync();

    /// <summary>Ends every session of the user (sign out everywhere).</summary>
    public async Task EndAllAsync(string userId) =>
        await db.UserSessions.Where(session => session.UserId == userId).ExecuteDeleteAsync();

    /// <summary>
    /// Cookie validation, after Identity's security stamp check: a cookie whose session row is gone (signed out,
    /// or issued before sessions were kept) or older than <see cref="MaxAge"/> is refused and removed.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        var sessionId = SessionProof.From(context.Principal)?.SessionId;
        var db = context.HttpContext.RequestServices.GetRequiredService<ApplicationDbContext>();
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (sessionId is { } id && await db.UserSessions.AnyAsync(session => session.Id == id && session.CreatedAt > now - MaxAge))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
