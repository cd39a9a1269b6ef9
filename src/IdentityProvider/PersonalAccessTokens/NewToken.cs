using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>What the "Create token" form asks for, as entered.</summary>
public sealed record NewTokenInput(string? Label, int? ExpiresInDays, bool NoExpiry, IReadOnlyCollection<string> Scopes);

/// <summary>
/// The outcome of creating a token: either the token with its secret (to show once, never stored), or the
/// problems with the input, each keyed by the form field it belongs to.
/// </summary>
public sealed record NewTokenResult(string? Secret, PersonalAccessToken? Token, IReadOnlyList<FieldProblem> Problems)
{
    public bool Succeeded => Secret is not null;

    public static NewTokenResult Created(string secret, PersonalAccessToken token) => new(secret, token, []);

    public static NewTokenResult Invalid(IReadOnlyList<FieldProblem> problems) => new(null, null, problems);
}

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
}
