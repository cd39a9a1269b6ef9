using System.Globalization;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>How the account and admin pages show a token's dates (UTC, so every reader sees the same moment).</summary>
public static class TokenDisplay
{
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string LastAccess(TokenSummary token) => token.LastUsedAt is { } used ? Moment(used) : "No access yet";

    public static string Expires(TokenSummary token, DateTimeOffset now) => token.ExpiresAt switch
    {
        null => "Never",
        { } end when end <= now => "Expired " + Date(end),
        { } end => Date(end),
    };

    public static string Status(TokenSummary token, DateTimeOffset now) =>
        token.RevokedAt is { } revoked ? "Revoked " + Date(revoked)
        : token.IsExpired(now) ? "Expired"
        : "Active";
}
