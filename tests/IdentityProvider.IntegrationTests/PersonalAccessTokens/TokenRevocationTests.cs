using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// Revocation from "Manage tokens" is immediate: the token cannot be exchanged, and access tokens already
/// issued from it answer active:false at introspection (as a resource server would ask, with the service client).
/// </summary>
public class TokenRevocationTests(TokenFixture provider) : IClassFixture<TokenFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task Revoke_FromTheAccountPage_StopsExchangeAndIssuedAccessTokensTurnInactive()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var token = await TokenSteps.IssueAsync(Factory, user.Id, label: "nightly");
        var issued = await TokenSteps.ExchangeAsync(client.Http, token.Secret);
        var before = await ResourceServer.IntrospectAsync(client.Http, issued.AccessToken!);
        Assert.True(ResourceServer.IsActive(before), before.Json.ToString());
        Assert.Equal(user.Id, before.Json.GetProperty("sub").GetString());

        var list = await TokensPage.OpenAsync(client).As<TokensPage>();
        Assert.Equal(RevokeTokenPage.PathFor(token.Id), list.RevokeActionOf(token.Id));
        var confirmation = await list.RevokeAsync(token.Id);
        Assert.Contains("Revoke “nightly”?", confirmation.Text);
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).RevokedAt); // the first click only asks
        var after = await confirmation.ConfirmAsync();

        var back = after.As<TokensPage>();
        Assert.Contains("\"nightly\" was revoked", back.Text);
        Assert.DoesNotContain("nightly", await TokenSteps.ListedLabelsAsync(client));
        Assert.NotNull((await TokenSteps.ReadAsync(Factory, token.Id)).RevokedAt);
        var exchange = await TokenSteps.ExchangeAsync(client.Http, token.Secret);
        Assert.Equal("invalid_grant", exchange.Error);
        Assert.Contains("revoked", exchange.ErrorDescription);
        var introspection = await ResourceServer.IntrospectAsync(client.Http, issued.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, introspection.Status);
        Assert.False(ResourceServer.IsActive(introspection), introspection.Json.ToString());
        var revoked = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenRevoked);
        Assert.Contains(token.Id.ToString(), revoked.Detail);
    }

    [Fact]
    public async Task Revoke_OneToken_LeavesTheUsersOtherTokensWorking()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var revoked = await TokenSteps.IssueAsync(Factory, user.Id);
        var kept = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var keptAccess = await TokenSteps.ExchangeAsync(client.Http, kept.Secret);

        Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, revoked.Id));

        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, kept.Secret)).Status);
        Assert.True(ResourceServer.IsActive(await ResourceServer.IntrospectAsync(client.Http, keptAccess.AccessToken!)));
    }

    [Fact]
    public async Task Revoke_AnotherUsersToken_IsNotFoundAndChangesNothing()
    {
        var owner = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, owner.Id);
        var (intruderUser, intruder) = await UserStories.SignedInUserAsync(provider);
        using var _ = intruder;

        var confirmation = await RevokeTokenPage.TryOpenAsync(intruder, token.Id);

        Assert.Equal(HttpStatusCode.NotFound, confirmation.Status);
        // A forged post: the intruder's own confirmation form, aimed at the owner's token.
        var own = await TokenSteps.IssueAsync(Factory, intruderUser.Id);
        var ownConfirmation = await RevokeTokenPage.OpenAsync(intruder, own.Id);
        using var forged = await ownConfirmation.PostForgedConfirmAsync(token.Id);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.False(await TokenSteps.RevokeAsync(Factory, intruderUser.Id, token.Id));
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).RevokedAt);
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(intruder.Http, token.Secret)).Status);
    }

    [Fact]
    public async Task Revoke_Twice_SecondTimeIsANoOp()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);

        Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, token.Id));
        Assert.False(await TokenSteps.RevokeAsync(Factory, user.Id, token.Id));

        Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TokenRevoked);
    }
}
