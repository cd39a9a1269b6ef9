using IdentityProvider.Data;
using IdentityProvider.Data.Entities;

namespace IdentityProvider.Auditing;

/// <summary>
/// Writes the security log: a row in the database (shared by all instances, read by administrators)
/// and a structured log line. Warning: callers pass only identifiers and plain facts, never a secret.
/// </summary>
public sealed class SecurityLog(
    ApplicationDbContext db,
    TimeProvider time,
    IHttpContextAccessor httpContextAccessor,
    IEnumerable<ISecurityEventObserver> observers,
    ILogger<SecurityLog> logger)
{
    public const int MaxUserAgentLength = 256;

    /// <param name="methods">On a completed sign-in: what it proved (<c>amr</c>), so the account's activity page can say whether the OTP step ran.</param>
    public async Task WriteAsync(string kind, string? userId, string? detail = null, string? actorId = null, string? clientId = null, IEnumerable<string>? methods = null)
    {
        var ipAddress = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var securityEvent = new SecurityEvent
        {
            OccurredAt = time.GetUtcNow(),
            Kind = kind,
            UserId = userId,
            ActorId = actorId,
            ClientId = clientId,
            IpAddress = ipAddress,
            UserAgent = UserAgent(httpContextAccessor.HttpContext),
            Methods = methods is null ? null : string.Join(' ', methods),
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };
        db.SecurityEvents.Add(securityEvent);
        foreach (var observer in observers)
        {
            await observer.OnWritingAsync(securityEvent);
        }

        await db.SaveChangesAsync();
        foreach (var observer in observers)
        {
            observer.OnSaved();
        }

        logger.LogInformation("Security event {Kind} for user {UserId} by {ActorId} from {IpAddress}: {Detail}",
            kind, userId, actorId ?? userId, ipAddress, detail);
    }

    /// <summary>
    /// The browser as it named itself, for the owner's activity page (as the address is kept, so is this).
    /// Note: printable characters only, at most <see cref="MaxUserAgentLength"/>; not a secret, never parsed for decisions.
    /// </summary>
    private static string? UserAgent(HttpContext? context)
    {
        var agent = context?.Request.Headers.UserAgent.ToString();
        if (string.IsNullOrWhiteSpace(agent))
        {
            return null;
        }

        var printable = new string([.. agent.Where(character => !char.IsControl(character))]).Trim();
        return printable.Length > MaxUserAgentLength ? printable[..MaxUserAgentLength] : printable;
    }
}
