using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.TwoStep;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.Foundation.ProtocolTestSupport;

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
        var (user, client) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = client;
        var token = await TokenSteps.IssueAsync(Factory, user.Id, label: "nightly");
        var issued = await TokenSteps.ExchangeAsync(client.Http, token.Secret);
        var before = await IntrospectAsync(client.Http, issued.AccessToken!, "service", TestData.ServiceSecret);
        Assert.True(IsActive(before), before.Json.ToString());
        Assert.Equal(user.Id, before.Json.GetProperty("sub").GetString());

        var list = await client.GetAsync(TokenSteps.TokensPath);
        var revokeAction = list.Document.QuerySelector($"tr[data-token-id='{token.Id}'] form")?.GetAttribute("action");
        Assert.Equal($"/Manage/Tokens/Revoke/{token.Id}", revokeAction);
        var confirmation = await client.GetAsync(revokeAction!);
        Assert.Contains("Revoke “nightly”?", confirmation.Text);
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).RevokedAt); // the first click only asks
        var after = await client.SubmitAsync(confirmation);

        Assert.Equal(TokenSteps.TokensPath, after.Uri.AbsolutePath);
        Assert.Contains("\"nightly\" was revoked", after.Text);
        Assert.DoesNotContain("nightly", await TokenSteps.ListedLabelsAsync(client));
        Assert.NotNull((await TokenSteps.ReadAsync(Factory, token.Id)).RevokedAt);
        var exchange = await TokenSteps.ExchangeAsync(client.Http, token.Secret);
        Assert.Equal("invalid_grant", exchange.Error);
        Assert.Contains("revoked", exchange.ErrorDescription);
        var introspection = await IntrospectAsync(client.Http, issued.AccessToken!, "service", TestData.ServiceSecret);
        Assert.Equal(HttpStatusCode.OK, introspection.Status);
        Assert.False(IsActive(introspection), introspection.Json.ToString());
        var revoked = Assert.Single(await TwoStepSteps.SecurityEventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TokenRevoked);
        Assert.Contains(token.Id.ToString(), revoked.Detail);
    }

    [Fact]
    public async Task Revoke_OneToken_LeavesTheUsersOtherTokensWorking()
    {
        var user = await TwoStepSteps.CreateUserAsync(Factory);
        var revoked = await TokenSteps.IssueAsync(Factory, user.Id);
        var kept = await TokenSteps.IssueAsync(Factory, user.Id);
        using var client = provider.CreateClient();
        var keptAccess = await TokenSteps.ExchangeAsync(client.Http, kept.Secret);

        Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, revoked.Id));

        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(client.Http, kept.Secret)).Status);
        Assert.True(IsActive(await IntrospectAsync(client.Http, keptAccess.AccessToken!, "service", TestData.ServiceSecret)));
    }

    [Fact]
    public async Task Revoke_AnotherUsersToken_IsNotFoundAndChangesNothing()
    {
        var owner = await TwoStepSteps.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, owner.Id);
        var (intruderUser, intruder) = await TokenSteps.SignedInUserAsync(provider);
        using var _ = intruder;

        var confirmation = await intruder.GetAsync($"/Manage/Tokens/Revoke/{token.Id}");

        Assert.Equal(HttpStatusCode.NotFound, confirmation.Status);
        // A forged post: the intruder's own confirmation form, aimed at the owner's token.
        var own = await TokenSteps.IssueAsync(Factory, intruderUser.Id);
        var ownConfirmation = await intruder.GetAsync($"/Manage/Tokens/Revoke/{own.Id}");
        using var forged = await TwoStepSteps.PostFormAsync(intruder, ownConfirmation, new Dictionary<string, string>(), action: $"/Manage/Tokens/Revoke/{token.Id}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.False(await TokenSteps.RevokeAsync(Factory, intruderUser.Id, token.Id));
        Assert.Null((await TokenSteps.ReadAsync(Factory, token.Id)).RevokedAt);
        Assert.Equal(HttpStatusCode.OK, (await TokenSteps.ExchangeAsync(intruder.Http, token.Secret)).Status);
    }

    [Fact]
    public async Task Revoke_Twice_SecondTimeIsANoOp()
    {
        var user = await TwoStepSteps.CreateUserAsync(Factory);
        var token = await TokenSteps.IssueAsync(Factory, user.Id);

        Assert.True(await TokenSteps.RevokeAsync(Factory, user.Id, token.Id));
        Assert.False(await TokenSteps.RevokeAsync(Factory, user.Id, token.Id));

        Assert.Single(await TwoStepSteps.SecurityEventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TokenRevoked);
    }
}
