using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class ExchangeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Fifteen = TimeSpan.FromMinutes(15);

    [Fact]
    public void Refusal_ActiveTokenOfAllowedUser_IsNone()
    {
        Assert.Null(ExchangeRules.Refusal(null, Now.AddDays(1), Now, allowedForUser: true, lockedOut: false, canSignIn: true));
        Assert.Null(ExchangeRules.Refusal(null, null, Now, allowedForUser: true, lockedOut: false, canSignIn: true));
    }

    [Fact]
    public void Refusal_Revoked_WinsOverEverythingElse()
    {
        Assert.Equal("The token was revoked.",
            ExchangeRules.Refusal(Now.AddDays(-1), Now.AddDays(-1), Now, allowedForUser: false, lockedOut: true, canSignIn: false));
    }

    [Fact]
    public void Refusal_ExpiryAtThisVeryMoment_IsExpired()
    {
        Assert.Equal("The token has expired.", ExchangeRules.Refusal(null, Now, Now, true, false, true));
        Assert.Null(ExchangeRules.Refusal(null, Now.AddTicks(1), Now, true, false, true));
    }

    [Fact]
    public void Refusal_EachUserCondition_HasItsOwnDescription()
    {
        Assert.Equal("Sign-in by token is not allowed for this user.", ExchangeRules.Refusal(null, null, Now, false, false, true));
        Assert.Equal("The user is locked out or disabled.", ExchangeRules.Refusal(null, null, Now, true, true, true));
        Assert.Equal("The user cannot sign in.", ExchangeRules.Refusal(null, null, Now, true, false, false));
    }

    [Fact]
    public void AccessTokenLifetime_TokenOutlivesPolicy_IsThePolicyLifetime()
    {
        Assert.Equal(Fifteen, ExchangeRules.AccessTokenLifetime(Fifteen, Now.AddDays(3), Now));
        Assert.Equal(Fifteen, ExchangeRules.AccessTokenLifetime(Fifteen, null, Now));
    }

    [Fact]
    public void AccessTokenLifetime_TokenEndsSooner_EndsWithTheToken()
    {
        Assert.Equal(TimeSpan.FromMinutes(4), ExchangeRules.AccessTokenLifetime(Fifteen, Now.AddMinutes(4), Now));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(-120, true)]
    [InlineData(-60, true)]
    [InlineData(-59, false)]
    [InlineData(0, false)]
    public void LastUseIsStale_OnlyWhenAMinuteOrMoreOld(int? secondsAgo, bool stale)
    {
        DateTimeOffset? lastUsed = secondsAgo is { } seconds ? Now.AddSeconds(seconds) : null;

        Assert.Equal(stale, ExchangeRules.LastUseIsStale(lastUsed, Now));
    }
}
