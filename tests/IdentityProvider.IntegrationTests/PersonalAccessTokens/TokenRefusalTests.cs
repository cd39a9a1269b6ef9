using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// Every refusal of the grant: an OAuth error with a description, no token, nothing changed (last access,
/// issued tokens), a security log entry for any token the provider knows, and the secret in no log.
/// </summary>
public class TokenRefusalTests(TokenFixture provider) : IClassFixture<TokenFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task Exchange_BadChecksum_IsRefusedAsMalformedWithoutTouchingTheDatabase()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        // One changed symbol in the random part: the checksum no longer matches.
        var typo = token.Secret[..20] + (token.Secret[20] == 'a' ? 'b' : 'a') + token.Secret[21..];
        var eventsBefore = await AllSecurityEventCountAsync();
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, typo);

        AssertRefused(response, "malformed");
        Assert.Equal(eventsBefore, await AllSecurityEventCountAsync());
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("ghp_0123456789012345678901234567890123456789012345678")]
    [InlineData("idp_pat_short")]
    public async Task Exchange_WrongShape_IsRefusedAsMalformed(string presented)
    {
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, presented);

        AssertRefused(response, "malformed");
    }

    [Fact]
    public async Task Exchange_VeryLongToken_IsRefusedAsMalformed()
    {
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, PersonalAccessTokenFormat.Prefix + new string('a', 100_000));

        AssertRefused(response, "malformed");
    }

    [Fact]
    public async Task Exchange_NoTokenParameter_IsRefusedAsInvalidRequest()
    {
        using var client = provider.CreateClient();

        var response = await TokenResponse.PostAsync(client.Http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            ["client_id"] = TokenFixture.Client,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Contains("token", response.ErrorDescription);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Exchange_WellFormedButUnknownToken_IsRefusedAndLogged()
    {
        var unknown = PersonalAccessTokenFormat.Generate();
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, unknown);

        AssertRefused(response, "not valid");
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(unknown, StringComparison.Ordinal));
    }

    /// <summary>A token that no longer fits: revoked, expired, or its user denied tokens, locked out or disabled.</summary>
    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    [InlineData("not allowed")]
    [InlineData("locked out")]
    [InlineData("disabled")]
    public async Task Exchange_TokenOrUserThatNoLongerFits_IsRefused(string reason)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);

        await MakeUnfitAsync(user, token, reason);

        await AssertRefusedAndUnchangedAsync(user, token, reason);
    }

    private async Task MakeUnfitAsync(TestUser user, IssuedToken token, string reason)
    {
        switch (reason)
        {
            case "revoked":
                Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, token.Id));
                break;
            case "expired":
                await TokenSteps.UpdateAsync(Factory, token.Id, stored => stored.ExpiresAt = Factory.Clock.GetUtcNow());
                break;
            case "not allowed":
                await Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Deny);
                break;
            case "locked out":
                await Factory.UpdateUserAsync(user.Id, stored => stored.LockoutEnd = Factory.Clock.GetUtcNow().AddHours(1));
                break;
            case "disabled":
                // ASP.NET Core Identity's way to disable an account: a lockout without end.
                await Factory.UpdateUserAsync(user.Id, stored => stored.LockoutEnd = DateTimeOffset.MaxValue);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reason), reason, "No such way to make a token unfit.");
        }
    }

    [Fact]
    public async Task Exchange_UserAllowedAgain_WorksAgain()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);
        await Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Deny);
        using var client = provider.CreateClient();
        Assert.Equal("invalid_grant", (await TokenSteps.ExchangeAsync(client.Http, token.Secret)).Error);

        await Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = null);

        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, token.Secret)).Status);
    }

    private async Task AssertRefusedAndUnchangedAsync(TestUser user, IssuedToken token, string reason)
    {
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        AssertRefused(response, reason);
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).LastUsedAt);
        Assert.Equal(0, await IssuedTokenCountAsync(token.Id));
        var failure = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenExchangeFailed);
        Assert.Contains(token.Id.ToString(), failure.Detail);
        Assert.Contains(reason, failure.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TokenFixture.Client, failure.ClientId);
        Assert.DoesNotContain(token.Secret, failure.Detail);
        Assert.DoesNotContain(Factory.Logs.Lines, line => line.Contains(token.Secret, StringComparison.Ordinal));
    }

    private static void AssertRefused(TokenResponse response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Contains(reason, response.ErrorDescription, StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.AccessToken);
    }

    /// <summary>Access tokens OpenIddict issued under the token's authorization.</summary>
    private async Task<int> IssuedTokenCountAsync(Guid tokenId)
    {
        var authorizationId = (await TokenSteps.ReadAsync(Factory, tokenId)).AuthorizationId!;
        return await Factory.WithServiceAsync<IOpenIddictTokenManager, int>(
            async tokens => await tokens.FindByAuthorizationIdAsync(authorizationId).CountAsync());
    }

    private Task<int> AllSecurityEventCountAsync() => Factory.QueryAsync(db => db.SecurityEvents.CountAsync());
}

/// <summary>With "Allow sign-in by token" off provider-wide, only an administrator's "allow" lets a user exchange.</summary>
public class TokensOffExchangeTests(TokensOffFixture provider) : IClassFixture<TokensOffFixture>
{
    [Fact]
    public async Task Exchange_ProviderSettingOff_IsRefused()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        await provider.Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Allow);
        var token = await TokenSteps.IssueAsync(provider.Factory, user.Id);
        await provider.Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = null);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Contains("not allowed", response.ErrorDescription);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Exchange_ProviderSettingOffButUserAllowed_Works()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        await provider.Factory.UpdateUserAsync(user.Id, stored => stored.SignInByToken = TokenPolicy.Allow);
        var token = await TokenSteps.IssueAsync(provider.Factory, user.Id);
        using var client = provider.CreateClient();

        var response = await TokenSteps.ExchangeAsync(client.Http, token.Secret);

        Assert.True(response.Status == HttpStatusCode.OK, response.Json.ToString());
        Assert.Equal(user.Id, response.AccessTokenJwt.Subject);
    }
}
