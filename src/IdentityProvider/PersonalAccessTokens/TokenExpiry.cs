using IdentityProvider.Localization;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>Turns the "Create token" form's expiry choice into the token's expiry, under the policy's maximum.</summary>
public static class TokenExpiry
{
    /// <summary>The longest lifetime a number of days may ask for when the policy sets no maximum (ten years).</summary>
    public const int UpperBoundDays = 3650;

    /// <param name="days">Days from now; ignored when <paramref name="noExpiry"/> is set.</param>
    /// <param name="maxDays">The policy's maximum; null means no maximum, and "no expiry" is allowed.</param>
    public static bool TryResolve(int? days, bool noExpiry, int? maxDays, DateTimeOffset now,
        out DateTimeOffset? expiresAt, out Sentence? error)
    {
        expiresAt = null;
        error = null;
        if (noExpiry)
        {
            // Warning: a token that never expires stays valid until revoked; only a policy without maximum allows it.
            if (maxDays is { } max)
            {
                error = new Sentence("Tokens.Create.MustExpire", max);
                return false;
            }

            return true;
        }

        var limit = maxDays ?? UpperBoundDays;
        if (days is not { } value)
        {
            error = new Sentence("Tokens.Create.DaysMissing");
            return false;
        }

        if (value < 1 || value > limit)
        {
            error = new Sentence("Tokens.Create.DaysRange", limit);
            return false;
        }

        expiresAt = now.AddDays(value);
        return true;
    }
}
