using System.Net;
using IdentityProvider.IntegrationTests.Accounts;
using IdentityProvider.PersonalAccessTokens;

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
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        var form = await client.GetAsync(TokenSteps.CreatePath);
        Assert.Equal("30", AccountSteps.Input(form, "Input.ExpiresInDays").GetAttribute("value"));
        Assert.NotNull(form.Document.QuerySelector("input[name='Input.NoExpiry'][type=checkbox]"));
        AccountSteps.AssertEveryInputHasLabel(form);

        var page = await TokenSteps.SubmitCreateAsync(client, ("Input.Label", "forever"), ("Input.NoExpiry", "true"), ("Input.Scopes", "api"));

        var secret = TokenSteps.ShownToken(page);
        Assert.NotNull(secret);
        Assert.Null(Assert.Single(await TokenSteps.ReadAllAsync(provider.Factory, user.Id)).ExpiresAt);
        Assert.Contains("Never", (await client.GetAsync(TokenSteps.TokensPath)).Document.QuerySelector("#tokens tbody tr")!.TextContent);
        var response = await TokenSteps.ExchangeAsync(client.Http, secret);
        Assert.Equal(TimeSpan.FromMinutes(15), response.AccessTokenJwt.ValidTo - response.AccessTokenJwt.IssuedAt);
    }

    [Fact]
    public async Task Create_ManyDaysWithoutMaximum_StillBoundedToTenYears()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await TokenSteps.CreateAsync(client, "long", days: "100000");

        Assert.Contains($"Choose from 1 to {TokenExpiry.UpperBoundDays} days.", AccountSteps.AlertText(page));
        Assert.Empty(await TokenSteps.ReadAllAsync(provider.Factory, user.Id));
    }
}

/// <summary>With the provider-wide setting off, "Manage tokens" appears only for users an administrator allowed.</summary>
public class TokensOffPageTests(TokensOffFixture provider) : IClassFixture<TokensOffFixture>
{
    [Fact]
    public async Task AccountPage_ProviderSettingOff_HidesManageTokens()
    {
        var (_, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;

        var page = await client.GetAsync(AccountSteps.ManagePath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("Manage tokens", page.Text);
    }

    [Fact]
    public async Task AccountPage_ProviderSettingOffButUserAllowed_ShowsManageTokensAndCreates()
    {
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        await TokenSteps.UpdateUserAsync(provider.Factory, user.Id, stored => stored.SignInByToken = TokenPolicy.Allow);

        var page = await client.GetAsync(AccountSteps.ManagePath);

        Assert.Contains("Manage tokens", page.Text);
        Assert.NotNull(TokenSteps.ShownToken(await TokenSteps.CreateAsync(client, "allowed")));
    }
}
