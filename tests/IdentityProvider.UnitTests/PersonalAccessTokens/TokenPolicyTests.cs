using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Policy;
using IdentityProvider.Settings;
using Microsoft.Extensions.Configuration;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class TokenPolicyTests
{
    private sealed record FixedPolicy(ProviderPolicy Current) : ICurrentPolicy;

    private static TokenPolicy Policy(bool allowed, int maxDays = 365)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tokens:AllowSignInByToken"] = allowed.ToString(),
            ["Tokens:MaxLifetimeDays"] = maxDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tokens:DefaultLifetimeDays"] = "30",
        }).Build();
        var policy = new ProviderPolicy { TokenSignInAllowed = allowed, TokenMaxLifetimeDays = maxDays, TokenDefaultLifetimeDays = 30 };
        return new TokenPolicy(new FixedPolicy(policy), TokenSettings.Load(configuration));
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, null, false)]
    [InlineData(false, "allow", true)]
    [InlineData(true, "deny", false)]
    [InlineData(true, "allow", true)]
    [InlineData(false, "deny", false)]
    public void IsAllowedFor_OverrideBeatsProviderSetting(bool providerSetting, string? userOverride, bool allowed)
    {
        Assert.Equal(allowed, Policy(providerSetting).IsAllowedFor(userOverride));
    }

    [Fact]
    public void MaxLifetimeZero_MeansNoMaximumAndNoExpiryAllowed()
    {
        var policy = Policy(true, maxDays: 0);

        Assert.Null(policy.MaxLifetimeDays);
        Assert.True(policy.NoExpiryAllowed);
        Assert.False(Policy(true, maxDays: 365).NoExpiryAllowed);
        Assert.Equal(365, Policy(true, maxDays: 365).MaxLifetimeDays);
    }

    [Theory]
    [InlineData("allow", "allow")]
    [InlineData("deny", "deny")]
    [InlineData("follow", null)]
    public void TryParseOverride_KnownChoices(string choice, string? stored)
    {
        Assert.True(TokenPolicy.TryParseOverride(choice, out var userOverride));
        Assert.Equal(stored, userOverride);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Allow")]
    [InlineData("maybe")]
    public void TryParseOverride_AnythingElse_Refused(string? choice)
    {
        Assert.False(TokenPolicy.TryParseOverride(choice, out _));
    }
}
