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
    public async Task WriteAsync(string kind, string? userId, string? detail = null, string? actorId = null, string? clientId = null)
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
}
