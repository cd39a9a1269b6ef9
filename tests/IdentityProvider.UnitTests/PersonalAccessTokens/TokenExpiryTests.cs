using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class TokenExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public void TryResolve_DaysWithinMaximum_ExpiresThatManyDaysFromNow(int days)
    {
        Assert.True(TokenExpiry.TryResolve(days, false, 365, Now, out var expiresAt, out var error));
        Assert.Equal(Now.AddDays(days), expiresAt);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(366)]
    public void TryResolve_DaysOutsideRange_RefusedNamingTheRange(int days)
    {
        Assert.False(TokenExpiry.TryResolve(days, false, 365, Now, out var expiresAt, out var error));
        Assert.Null(expiresAt);
        Assert.Equal("Choose from 1 to 365 days.", error?.English);
        Assert.Equal("Tokens.Create.DaysRange", error?.Key);
    }

    [Fact]
    public void TryResolve_NoDays_AsksForThem()
    {
        Assert.False(TokenExpiry.TryResolve(null, false, 365, Now, out _, out var error));
        Assert.Equal("Enter the number of days until the token expires.", error?.English);
    }

    [Fact]
    public void TryResolve_NoExpiryUnderAMaximum_Refused()
    {
        Assert.False(TokenExpiry.TryResolve(30, true, 365, Now, out var expiresAt, out var error));
        Assert.Null(expiresAt);
        Assert.Equal("Every token must expire: choose at most 365 days.", error?.English);
    }

    [Fact]
    public void TryResolve_NoExpiryWithoutMaximum_NeverExpires()
    {
        Assert.True(TokenExpiry.TryResolve(null, true, null, Now, out var expiresAt, out _));
        Assert.Null(expiresAt);
    }

    [Fact]
    public void TryResolve_WithoutMaximum_DaysStillBounded()
    {
        Assert.True(TokenExpiry.TryResolve(TokenExpiry.UpperBoundDays, false, null, Now, out _, out _));
        Assert.False(TokenExpiry.TryResolve(TokenExpiry.UpperBoundDays + 1, false, null, Now, out _, out var error));
        Assert.Equal($"Choose from 1 to {TokenExpiry.UpperBoundDays} days.", error?.English);
    }
}
