using System.Net;
using IdentityProvider.Connect;
using IdentityProvider.Data;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.IntegrationTests.ScaleOut;

/// <summary>Everything a request needs lives in the database, so any instance can serve any step.</summary>
public sealed class TwoInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task SignIn_StepsOnDifferentInstances_CompletesAndRefreshes()
    {
        var (user, device) = await CreateUserWithTotpAsync("hops");
        using var browserOnA = instances.Browser(instances.A);
        using var browserOnB = instances.Browser(instances.B);
        var request = UserStories.WebRequest();

        var otpPage = await UserStories.SignInWithPasswordAsync(browserOnA, request, user);
        Assert.Equal(TwoStepPage.Path, otpPage.Uri.AbsolutePath);
        // The page A served, its form submitted through B (the browser's cookies go to either).
        var redirect = await (otpPage with { Client = browserOnB }).As<TwoStepPage>().SubmitCodeAsync(Code(device));
        var tokens = await TokenResponse.ExchangeCodeAsync(browserOnA.Http, request, redirect.Code, TestData.WebSecret);
        var refreshed = await TokenResponse.RefreshAsync(browserOnB.Http, "web", TestData.WebSecret, tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("mfa", tokens.Acr);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
    }

    [Fact]
    public async Task OtpCode_AcceptedOnA_RefusedOnB()
    {
        var (user, device) = await CreateUserWithTotpAsync("replay");
        var code = Code(device);

        var onA = instances.Service<OtpVerification>(instances.A, out var scopeA);
        var onB = instances.Service<OtpVerification>(instances.B, out var scopeB);
        using (scopeA)
        using (scopeB)
        {
            Assert.NotNull(await onA.TryAcceptAsync(user.Id, code));
            Assert.Null(await onB.TryAcceptAsync(user.Id, code));
        }
    }

    [Fact]
    public async Task OtpSecret_EncryptedByA_DecryptedByB()
    {
        var (user, device) = await CreateUserWithTotpAsync("secret");

        var db = instances.Service<ApplicationDbContext>(instances.B, out var scope);
        using (scope)
        {
            var stored = await db.OtpDevices.AsNoTracking().SingleAsync(candidate => candidate.UserId == user.Id);
            var secrets = instances.Service<OtpDeviceSecrets>(instances.B, out var secretsScope);
            using (secretsScope)
            {
                Assert.Equal(device.Secret, secrets.Unprotect(stored));
            }
        }
    }

    [Fact]
    public async Task PersonalAccessToken_RevokedThroughA_RefusedByBAtOnce()
    {
        var (user, _) = await CreateUserWithTotpAsync("script");
        var tokens = instances.Service<UserTokens>(instances.A, out var scope);
        ChangeResult<CreatedToken> created;
        using (scope)
        {
            created = await tokens.CreateAsync(user.Id, new NewTokenInput("deploy", 30, false, ["api"]));
        }

        using var clientOfB = instances.B.CreateClient();
        using var clientOfA = instances.A.CreateClient();
        var before = await ExchangeAsync(clientOfB, created.Value!.Secret);
        Assert.Equal(HttpStatusCode.OK, before.Status);

        var revoker = instances.Service<UserTokens>(instances.A, out var revokeScope);
        using (revokeScope)
        {
            Assert.True(await revoker.RevokeAsync(user.Id, created.Value!.Token.Id));
        }

        var after = await ExchangeAsync(clientOfB, created.Value!.Secret);
        Assert.Equal("invalid_grant", after.Error);
        var introspection = await TokenResponse.PostAsync(clientOfA, "/connect/introspect", new Dictionary<string, string>
        {
            ["token"] = before.AccessToken!,
            ["client_id"] = "web",
            ["client_secret"] = TestData.WebSecret,
        });
        Assert.False(introspection.Json.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task ClientChangedThroughA_AppliesOnAAtOnce_AndOnBWithinTheCacheLifetime()
    {
        var (user, _) = await CreateUserWithTotpAsync("client-change");
        var clientId = $"cli-{Guid.NewGuid():N}";
        var applications = instances.Service<IOpenIddictApplicationManager>(instances.A, out var scope);
        ChangeResult<CreatedToken> created;
        using (scope)
        {
            var descriptor = new OpenIddictApplicationDescriptor { ClientId = clientId, ClientType = ClientTypes.Public };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Prefixes.Scope + "api",
                Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType]);
            await applications.CreateAsync(descriptor);
            created = await scope.ServiceProvider.GetRequiredService<UserTokens>()
                .CreateAsync(user.Id, new NewTokenInput("client-change", 30, false, ["api"]));
        }

        using var clientOfA = instances.A.CreateClient();
        using var clientOfB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(clientOfA, created.Value!.Secret, clientId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(clientOfB, created.Value!.Secret, clientId)).Status);

        var manager = instances.Service<IOpenIddictApplicationManager>(instances.A, out var changeScope);
        using (changeScope)
        {
            var application = await manager.FindByClientIdAsync(clientId);
            var descriptor = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(descriptor, application!);
            descriptor.Permissions.Remove(Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType);
            await manager.UpdateAsync(application!, descriptor);
        }

        Assert.Equal("unauthorized_client", (await ExchangeAsync(clientOfA, created.Value!.Secret, clientId)).Error);
        instances.Advance(ClientCacheEntries.Lifetime);
        Assert.Equal("unauthorized_client", (await ExchangeAsync(clientOfB, created.Value!.Secret, clientId)).Error);
    }

    private static Task<TokenResponse> ExchangeAsync(HttpClient http, string token, string clientId = TwoInstances.ScriptClient) =>
        TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "urn:identityprovider:grant-type:personal_access_token",
            ["token"] = token,
            ["client_id"] = clientId,
        });

    /// <summary>
    /// A user created on instance A with a confirmed TOTP device. The enrolment moved A's clock two steps on, to a
    /// fresh step; B's clock moves with it, so both instances agree on the time.
    /// </summary>
    private async Task<(TestUser User, TestDevice Device)> CreateUserWithTotpAsync(string name)
    {
        var user = await UserStories.CreateUserAsync(instances.A, displayName: name);
        var device = await UserStories.EnrolTotpAsync(instances.A, user.Id);
        instances.B.Clock.Advance(2 * UserStories.Step);
        return (user, device);
    }

    private string Code(TestDevice device) => device.TotpNow(instances.A.Clock);
}
