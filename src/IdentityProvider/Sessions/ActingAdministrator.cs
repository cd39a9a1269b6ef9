using System.Globalization;
using System.Security.Claims;

namespace IdentityProvider.Sessions;

/// <summary>
/// The administrator acting in a user's session ("sign in as a user"): kept in that session's cookie and in the codes
/// issued from it, so tokens name the administrator as the actor (RFC 8693 <c>act</c>).
/// </summary>
/// <param name="Id">The administrator's user id (<c>act.sub</c>).</param>
/// <param name="Name">The administrator's name, for the banner.</param>
/// <param name="Since">When the administrator opened the session; it ends <see cref="MaxDuration"/> later.</param>
/// <param name="SessionId">The administrator's own server session, kept aside and given back by "Return to my account".</param>
public sealed record ActingAdministrator(string Id, string Name, DateTimeOffset Since, Guid SessionId)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    public const string IdClaim = "idp_act";
    public const string NameClaim = "idp_act_name";
    public const string SinceClaim = "idp_act_since";
    public const string SessionIdClaim = "idp_act_sid";

    public DateTimeOffset EndsAt => Since + MaxDuration;

    public IEnumerable<Claim> ToClaims() =>
    [
        new(IdClaim, Id),
        new(NameClaim, Name),
        new(SinceClaim, Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
        new(SessionIdClaim, SessionId.ToString()),
    ];

    /// <summary>Reads it back from a session or code principal; null in a session the user opened.</summary>
    public static ActingAdministrator? From(ClaimsPrincipal? principal) =>
        principal?.FindFirst(IdClaim)?.Value is { Length: > 0 } id
        && long.TryParse(principal.FindFirst(SinceClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var since)
        && Guid.TryParse(principal.FindFirst(SessionIdClaim)?.Value, out var sessionId)
            ? new ActingAdministrator(id, principal.FindFirst(NameClaim)?.Value ?? id, DateTimeOffset.FromUnixTimeSeconds(since), sessionId)
            : null;
}
