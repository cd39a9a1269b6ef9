namespace IdentityProvider.Data.Entities;

/// <summary>
/// A provider session (one signed-in browser), kept server-side so that signing out ends it for every copy of
/// the cookie, on every instance. The session cookie names it; the row's absence ends the session.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string UserAgent { get; set; } = "";

    public string? IpAddress { get; set; }
}
