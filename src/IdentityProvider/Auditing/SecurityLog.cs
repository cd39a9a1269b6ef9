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
    ILogger<SecurityLog> logger)
{
    public async Task WriteAsync(string kind, string? userId, string? detail = null, string? actorId = null, string? clientId = null)
    {
        var ipAddress = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.SecurityEvents.Add(new SecurityEvent
        {
            OccurredAt = time.GetUtcNow(),
            Kind = kind,
            UserId = userId,
            ActorId = actorId,
            ClientId = clientId,
            IpAddress = ipAddress,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
        await db.SaveChangesAsync();
        logger.LogInformation("Security event {Kind} for user {UserId} by {ActorId} from {IpAddress}: {Detail}",
            kind, userId, actorId ?? userId, ipAddress, detail);
    }
}
