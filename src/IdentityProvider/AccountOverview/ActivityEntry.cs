namespace IdentityProvider.AccountOverview;

/// <summary>One line of the user's own security activity.</summary>
/// <param name="Kind">The security log's event name (<c>SecurityEventKinds</c>); the page turns it into a sentence.</param>
/// <param name="ByAdministrator">An administrator did this to the account (address and browser are then not shown: they are the administrator's).</param>
/// <param name="Browser">What the User-Agent says, shortened; null when unknown.</param>
/// <param name="UserAgent">The User-Agent as sent, for when <paramref name="Browser"/> is unknown.</param>
/// <param name="OtpRan">On a completed sign-in: whether the OTP step ran; null for other events and older rows.</param>
public sealed record ActivityEntry(
    long Id,
    DateTimeOffset OccurredAt,
    string Kind,
    bool ByAdministrator,
    string? IpAddress,
    BrowserName? Browser,
    string? UserAgent,
    bool? OtpRan);

/// <summary>One page of the user's activity, newest first.</summary>
/// <param name="Number">1-based.</param>
public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Entries, int Number, bool HasNext)
{
    public bool HasPrevious => Number > 1;
}
