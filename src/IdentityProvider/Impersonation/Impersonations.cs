using System.Security.Claims;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Policy;
using IdentityProvider.Sessions;
using IdentityProvider.Text;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Impersonation;

/// <summary>
/// "Sign in as a user": an administrator opens a session as a user (never as an administrator or as oneself), with a
/// reason, while the policy allows it. The administrator's own session is kept aside and comes back with "Return to my
/// account"; the user's session ends by itself after <see cref="ActingAdministrator.MaxDuration"/>, at sign-out, or
/// when the administrator's rights or session end. Both accounts' security logs record the start and the end.
/// </summary>
public sealed class Impersonations(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIns,
    ServerSessions serverSessions,
    SessionSignIn sessions,
    SecurityLog securityLog,
    ICurrentPolicy policy,
    TimeProvider time)
{
    public const int MaxReasonLength = 200;

    /// <summary>How long the administrator's fresh code, entered in the session as the user, allows changes to the user's things.</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the user's things may be changed in this session now: in the user's own session always; in one an
    /// administrator opened, within <see cref="ChangeWindow"/> of a code the administrator entered after opening it.
    /// </summary>
    public static bool ChangesAllowed(SessionProof? proof, DateTimeOffset now) =>
        proof?.Actor is not { } actor
        || (proof.SecondStepAt is { } at && at > actor.Since && now - at <= ChangeWindow);

    /// <summary>The reason, 1 to <see cref="MaxReasonLength"/> readable characters; null (and why) when refused.</summary>
    public static string? Reason(string? input, out FieldProblem? problem)
    {
        problem = DisplayText.TryNormalize(input, "Impersonation.Reason", MaxReasonLength, out var reason, out var error)
            ? null
            : new FieldProblem("Reason", error.Message!);
        return problem is null ? reason : null;
    }

    /// <summary>
    /// Why the pages do not offer <paramref name="administratorId"/> to sign in as the user <paramref name="userId"/> with
    /// <paramref name="userRoles"/>: the policy, oneself, an administrator (as <see cref="StartAsync"/> refuses); null when they do.
    /// </summary>
    public Sentence? NotOffered(string administratorId, string userId, IEnumerable<string> userRoles) =>
        PolicyRefusal ?? TargetRefusal(administratorId, userId, userRoles);

    private Sentence? PolicyRefusal => policy.Current.SignInAsUserAllowed ? null : new Sentence("Impersonation.Off");

    /// <summary>Never as oneself, never as an administrator.</summary>
    private static Sentence? TargetRefusal(string administratorId, string userId, IEnumerable<string> userRoles) =>
        userId == administratorId ? new Sentence("Impersonation.NotOnSelf")
        : userRoles.Contains(ProviderRoles.Administrator, StringComparer.OrdinalIgnoreCase) ? new Sentence("Impersonation.NotOnAdministrator")
        : null;

    /// <summary>
    /// Replaces the administrator's session in this browser (<paramref name="session"/>, whose fresh code the admin area
    /// checked) with one as the user <paramref name="userId"/>.
    /// </summary>
    public async Task<ChangeResult> StartAsync(ClaimsPrincipal session, string userId, string? reason)
    {
        var administrator = await users.GetUserAsync(session);
        var proof = SessionProof.From(session);
        if (PolicyRefusal is { } off)
        {
            return ChangeResult.Forbidden(off);
        }

        if (administrator is null || proof is not { SessionId: { } administratorSession, Actor: null }
            || !await users.IsInRoleAsync(administrator, ProviderRoles.Administrator))
        {
            return ChangeResult.Forbidden(new Sentence("Impersonation.AdministratorsOnly"));
        }

        if (Reason(reason, out var problem) is not { } trimmed)
        {
            return ChangeResult.Invalid([problem!]);
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (TargetRefusal(administrator.Id, user.Id, await users.GetRolesAsync(user)) is { } refused)
        {
            return ChangeResult.Forbidden(refused);
        }

        if (!await signIns.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return ChangeResult.Conflict(new Sentence("Impersonation.UserCannotSignIn"));
        }

        var actor = new ActingAdministrator(administrator.Id, NameOf(administrator), time.GetUtcNow(), administratorSession);
        var userSession = await serverSessions.StartAsync(user.Id);
        await sessions.SignInAsync(user, proof with { SessionId = userSession, Actor = actor });
        await securityLog.WriteAsync(SecurityEventKinds.ImpersonationStarted, user.Id, $"reason: {trimmed}", administrator.Id);
        await securityLog.WriteAsync(SecurityEventKinds.SignedInAsUser, administrator.Id, $"as {user.UserName} ({user.Id}); reason: {trimmed}", administrator.Id);
        return ChangeResult.Done();
    }

    /// <summary>
    /// "Return to my account": ends the session as the user and gives the administrator's own session back, when the
    /// administrator may still have it; otherwise this browser is signed out. Returns the user's id when it came back.
    /// </summary>
    public async Task<string?> ReturnAsync(ClaimsPrincipal session)
    {
        if (SessionProof.From(session) is not { Actor: { } actor } proof || users.GetUserId(session) is not { } userId)
        {
            return null;
        }

        await EndAsync(userId, proof, "returned to the administrator's account");
        if (await WhyOverAsync(actor) is null && await users.FindByIdAsync(actor.Id) is { } administrator)
        {
            await sessions.SignInAsync(administrator, proof with { SessionId = actor.SessionId, Actor = null });
            return userId;
        }

        await serverSessions.EndAsync(actor.SessionId);
        await signIns.SignOutAsync();
        return null;
    }

    /// <summary>
    /// Why a session as a user must end now (the time is up, the policy or the administrator's rights or session ended, or,
    /// given <paramref name="userSession"/>, that session was ended elsewhere, e.g. "sign out everywhere"); null while it may go on.
    /// </summary>
    public async Task<string?> WhyOverAsync(ActingAdministrator actor, Guid? userSession = null)
    {
        if (time.GetUtcNow() >= actor.EndsAt)
        {
            return "time is up";
        }

        if (!policy.Current.SignInAsUserAllowed)
        {
            return "the policy no longer allows it";
        }

        var now = time.GetUtcNow();
        var administrator = await db.Users.AsNoTracking()
            .Where(user => user.Id == actor.Id)
            .Select(user => new
            {
                CanSignIn = !user.IsDisabled && (user.LockoutEnd == null || user.LockoutEnd <= now),
                IsAdministrator = db.UserRoles.Any(link => link.UserId == user.Id
                    && db.Roles.Any(role => role.Id == link.RoleId && role.Name == ProviderRoles.Administrator)),
                SessionKept = db.UserSessions.Any(kept => kept.Id == actor.SessionId),
                UserSessionKept = userSession == null || db.UserSessions.Any(kept => kept.Id == userSession),
            })
            .SingleOrDefaultAsync();
        return administrator switch
        {
            null or { CanSignIn: false } or { IsAdministrator: false } => "the administrator's rights ended",
            { SessionKept: false } => "the administrator's session ended",
            { UserSessionKept: false } => "the session as the user was ended",
            _ => null,
        };
    }

    /// <summary>
    /// Ends the session as the user (its server row) and, <paramref name="withAdministratorsSession"/>, the administrator's
    /// kept aside; logs the end on both accounts once: by the request whose delete found a row.
    /// </summary>
    public async Task EndAsync(string userId, SessionProof proof, string why, bool withAdministratorsSession = false)
    {
        if (proof.Actor is not { } actor)
        {
            return;
        }

        var ended = proof.SessionId is { } id && await db.UserSessions.Where(row => row.Id == id).ExecuteDeleteAsync() > 0;
        if (withAdministratorsSession)
        {
            ended |= await db.UserSessions.Where(row => row.Id == actor.SessionId).ExecuteDeleteAsync() > 0;
        }

        if (ended)
        {
            await WriteEndAsync(securityLog, userId, actor, why);
        }
    }

    /// <summary>Logs the end on both accounts.</summary>
    public static async Task WriteEndAsync(SecurityLog securityLog, string userId, ActingAdministrator actor, string why)
    {
        await securityLog.WriteAsync(SecurityEventKinds.ImpersonationEnded, userId, why, actor.Id);
        await securityLog.WriteAsync(SecurityEventKinds.SignedInAsUserEnded, actor.Id, $"as user {userId}: {why}", actor.Id);
    }

    private static string NameOf(ApplicationUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
}
