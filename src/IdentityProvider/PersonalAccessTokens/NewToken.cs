using System.Linq.Expressions;
using IdentityProvider.Data.Entities;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>What the "Create token" form asks for, as entered.</summary>
public sealed record NewTokenInput(string? Label, int? ExpiresInDays, bool NoExpiry, IReadOnlyCollection<string> Scopes);

/// <summary>A token just created, with its secret: shown once, never stored.</summary>
public sealed record CreatedToken(string Secret, PersonalAccessToken Token);

/// <summary>A token as listed on the account and admin pages: everything but the hash.</summary>
public sealed record TokenSummary(
    Guid Id,
    string Label,
    string Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && !IsExpired(now);

    /// <summary>The same rule as a query's condition: not revoked, and without expiry or expiring after <paramref name="now"/>.</summary>
    public static Expression<Func<PersonalAccessToken, bool>> ActiveAt(DateTimeOffset now) =>
        token => token.RevokedAt == null && (token.ExpiresAt == null || token.ExpiresAt > now);
}
