using System.Net;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>A provider whose policy sets no maximum lifetime (<c>Tokens:MaxLifetimeDays</c> 0): "no expiry" is offered.</summary>
public class NoMaximumFixture : TokenFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Tokens:MaxLifetimeDays"] = "0", ["Tokens:DefaultLifetimeDays"] = "30" };
}

public class NoMaximumPolicyTests(NoMaximumFixture provider) : IClassFixture<NoMaximumFixture>
{
    [Fact]
    public async Task Create_NoExpiryAllowed_TokenNeverExpiresAndExchangesForTheUsualLifetime()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var form = await CreateTokenPage.OpenAsync(client);
        Assert.Equal("30", form.ExpiresInDaysInput.GetAttribute("value"));
        Assert.True(form.OffersNoExpiry);
        form.AssertEveryInputHasLabel();

        var page = await form.SubmitAsync(new TokenForm("forever", ExpiresInDays: null, NoExpiry: true, "api"));

        var secret = page.NewToken;
        Assert.NotNull(secret);
        var stored = Assert.Single(await TokenSteps.ReadAllAsync(provider.Factory, user.Id));
        Assert.Null(stored.ExpiresAt);
        Assert.Contains("Never", (await TokensPage.OpenAsync(client).As<TokensPage>()).RowOf(stored.Id));
        var response = await TokenSteps.ExchangeAsync(client.Http, secret);
        Assert.Equal(TimeSpan.FromMinutes(15), response.AccessTokenJwt.ValidTo - response.AccessTokenJwt.IssuedAt);
    }

    [Fact]
    public async Task Create_ManyDaysWithoutMaximum_StillBoundedToTenYears()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, "long", days: "100000");

        Assert.Contains($"Choose from 1 to {TokenExpiry.UpperBoundDays} days.", page.Alerts);
        Assert.Empty(await TokenSteps.ReadAllAsync(provider.Factory, user.Id));
    }
}

/// <summary>With the provider-wide setting off, "Manage tokens" appears only for users an administrator allowed.</summary>
public class TokensOffPageTests(TokensOffFixture provider) : IClassFixture<TokensOffFixture>
{
    [Fact]
    public async Task AccountPage_ProviderSettingOff_HidesManageTokens()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await ManagePage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(ManagePage.TokensLink, page.Text);
    }

    [Fact]
    public async Task AccountPage_ProviderSettingOffButUserAllowed_ShowsManageTokensAndCreates()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        await provider.Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Allow);

        var page = await ManagePage.OpenAsync(client);

        Assert.Contains(ManagePage.TokensLink, page.Text);
        Assert.NotNull((await TokenSteps.CreateAsync(client, "allowed")).NewToken);
    }
}
