using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>Token introspection (RFC 7662) and revocation (RFC 7009) for confidential clients.</summary>
public class IntrospectionAndRevocationTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task Introspection_ActiveAccessToken_ReturnsActiveWithSubject()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        var introspection = await ResourceServer.IntrospectAsync(client.Http, tokens.AccessToken!, "web", TestData.WebSecret);

        Assert.True(introspection.Status == HttpStatusCode.OK, introspection.Json.ToString());
        Assert.True(ResourceServer.IsActive(introspection), introspection.Json.ToString());
        Assert.Equal(tokens.IdTokenJwt.Subject, introspection.Json.GetProperty("sub").GetString());
        Assert.Equal("web", introspection.Json.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Introspection_WrongClientSecret_IsRejected()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        var introspection = await ResourceServer.IntrospectAsync(client.Http, tokens.AccessToken!, "web", "not-the-secret");

        Assert.True(introspection.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, introspection.Json.ToString());
        Assert.Equal("invalid_client", introspection.Error);
        Assert.False(introspection.Json.TryGetProperty("sub", out _));
    }

    [Fact]
    public async Task Introspection_UnknownToken_ReturnsInactive()
    {
        using var client = provider.CreateClient();

        var introspection = await ResourceServer.IntrospectAsync(client.Http, "definitely-not-a-token-issued-here", "web", TestData.WebSecret);

        Assert.True(introspection.Status == HttpStatusCode.OK, introspection.Json.ToString());
        Assert.False(ResourceServer.IsActive(introspection), introspection.Json.ToString());
        Assert.False(introspection.Json.TryGetProperty("sub", out _));
    }

    [Fact]
    public async Task Revocation_RefreshToken_LaterRefreshFailsAndIntrospectionIsInactive()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);
        var before = await ResourceServer.IntrospectAsync(client.Http, tokens.RefreshToken!, "web", TestData.WebSecret);
        Assert.True(ResourceServer.IsActive(before), before.Json.ToString());

        var revocation = await RevokeAsync(client.Http, tokens.RefreshToken!, "refresh_token", "web", TestData.WebSecret);

        Assert.True(revocation.Status == HttpStatusCode.OK, revocation.Json.ToString());
        var refreshed = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        var after = await ResourceServer.IntrospectAsync(client.Http, tokens.RefreshToken!, "web", TestData.WebSecret);
        Assert.True(after.Status == HttpStatusCode.OK, after.Json.ToString());
        Assert.False(ResourceServer.IsActive(after), after.Json.ToString());
    }

    [Fact]
    public async Task Revocation_AccessToken_IntrospectionIsInactive()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        var revocation = await RevokeAsync(client.Http, tokens.AccessToken!, "access_token", "web", TestData.WebSecret);

        Assert.True(revocation.Status == HttpStatusCode.OK, revocation.Json.ToString());
        var after = await ResourceServer.IntrospectAsync(client.Http, tokens.AccessToken!, "web", TestData.WebSecret);
        Assert.False(ResourceServer.IsActive(after), after.Json.ToString());
    }

    [Fact]
    public async Task Revocation_UnknownToken_AnswersOkWithoutRevealingAnything()
    {
        using var client = provider.CreateClient();

        // RFC 7009 section 2.2: an invalid token is not an error the client can act on.
        var revocation = await RevokeAsync(client.Http, "definitely-not-a-token-issued-here", "refresh_token", "web", TestData.WebSecret);

        Assert.True(revocation.Status == HttpStatusCode.OK, $"{(int)revocation.Status}: {revocation.Json}");
    }

    [Fact]
    public async Task Revocation_TokenOfAnotherUserSession_DoesNotAffectOtherRefreshTokens()
    {
        using var aliceClient = provider.CreateClient();
        using var bobClient = provider.CreateClient();
        var alice = await UserStories.AliceTokensAsync(aliceClient);
        var bobRequest = UserStories.WebRequest();
        var bobPage = await SignInWithPasswordAsync(bobClient, bobRequest, "bob@example.com", TestData.BobPassword);
        var bob = await TokenResponse.ExchangeCodeAsync(bobClient.Http, bobRequest, bobPage.Code, TestData.WebSecret);

        await RevokeAsync(aliceClient.Http, alice.RefreshToken!, "refresh_token", "web", TestData.WebSecret);

        var bobRefreshed = await TokenResponse.RefreshAsync(bobClient.Http, "web", TestData.WebSecret, bob.RefreshToken!);
        Assert.True(bobRefreshed.Status == HttpStatusCode.OK, bobRefreshed.Json.ToString());
    }
}
