using System.Text.Json;
using IdentityProvider.IntegrationTests.Admin;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Impersonation;

/// <summary>
/// What relying parties get from a session an administrator opened as a user: RFC 8693's <c>act</c> naming the
/// administrator, the administrator's <c>amr</c>, no refresh token; and the refusal they may ask for.
/// </summary>
public class TokensAsUserTests(ImpersonationFixture provider) : IClassFixture<ImpersonationFixture>
{
    [Fact]
    public async Task Tokens_CarryTheAdministratorAsActor_AndTheAdministratorsAmr_AndIntrospectionShowsIt()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);
        var request = UserStories.WebRequest();

        var tokens = await UserStories.ExchangeCodeAsync(acting.Client, request, await acting.Client.GetAsync(request.ToUrl()));

        Assert.Equal(acting.User.Id, tokens.IdTokenJwt.Subject);
        Assert.Equal(acting.Admin.Id, ActorOf(tokens.IdTokenJwt.GetPayloadValue<JsonElement>("act")));
        Assert.Equal(acting.Admin.Id, ActorOf(tokens.AccessTokenJwt.GetPayloadValue<JsonElement>("act")));
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
        Assert.Null(tokens.RefreshToken);

        var introspection = await TokenResponse.PostAsync(acting.Client.Http, "/connect/introspect", new Dictionary<string, string>
        {
            ["client_id"] = "web",
            ["client_secret"] = TestData.WebSecret,
            ["token"] = tokens.AccessToken!,
        });
        Assert.True(introspection.Json.GetProperty("active").GetBoolean());
        Assert.Equal(acting.Admin.Id, ActorOf(introspection.Json.GetProperty("act")));
    }

    [Fact]
    public async Task UsersOwnSession_TokensCarryNoActor()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "in-person" });

        var tokens = await UserStories.ExchangeCodeAsync(client, request, await UserStories.SignInWithPasswordAsync(client, request, user));

        Assert.False(tokens.IdTokenJwt.TryGetPayloadValue<JsonElement>("act", out _));
        Assert.False(tokens.AccessTokenJwt.TryGetPayloadValue<JsonElement>("act", out _));
    }

    [Fact]
    public async Task RelyingParty_AskingForTheUserInPerson_GetsAccessDenied()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "in-person" });

        var answer = await acting.Client.GetAsync(request.ToUrl());

        Assert.Equal("access_denied", answer.RedirectQuery["error"]);
        Assert.Equal(request.State, answer.RedirectQuery["state"]);
    }

    [Fact]
    public async Task RelyingParty_RefusingImpersonation_GetsAccessDenied()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);
        var request = new AuthorizationRequest(RefusingClientFixture.SeededClient, "https://no-impersonation.example/signin-oidc", "openid");

        var answer = await acting.Client.GetAsync(request.ToUrl());

        Assert.Equal("access_denied", answer.RedirectQuery["error"]);
    }

    private static string ActorOf(JsonElement act) => act.GetProperty("sub").GetString()!;
}
