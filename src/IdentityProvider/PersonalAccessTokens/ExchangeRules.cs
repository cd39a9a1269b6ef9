namespace IdentityProvider.PersonalAccessTokens;

/// <summary>What an exchange refuses, and for how long its access token may live: decided from the stored facts alone.</summary>
public static class ExchangeRules
{
    /// <summary>Last access is kept to this resolution: a newer stored value is not rewritten, sparing a write per exchange.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Null when the token may be exchanged; otherwise the reason, shown to the caller as the
    /// <c>error_description</c> (the caller holds the token, so naming the reason reveals nothing new).
    /// </summary>
    public static string? Refusal(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now,
        bool allowedForUser, bool lockedOut, bool canSignIn)
    {
        if (revokedAt is not null)
        {
            return "The token was revoked.";
        }

        if (expiresAt <= now)
        {
            return "The token has expired.";
        }

        if (!allowedForUser)
        {
            return "Sign-in by token is not allowed for this user.";
        }

        if (lockedOut)
        {
            return "The user is locked out or disabled.";
        }

        return canSignIn ? null : "The user cannot sign in.";
    }

    /// <summary>The policy's access token lifetime, cut short so the access token never outlives the token it came from.</summary>
    public static TimeSpan AccessTokenLifetime(TimeSpan policyLifetime, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        expiresAt is { } end && end - now < policyLifetime ? end - now : policyLifetime;

    /// <summary>Whether the stored last access is old enough to be rewritten.</summary>
    public static bool LastUseIsStale(DateTimeOffset? lastUsedAt, DateTimeOffset now) =>
        lastUsedAt is not { } last || now - last >= LastUseResolution;
}
