using System.Net;
using IdentityProvider.Connect;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OtpNet;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.IntegrationTests.ScaleOut;

/// <summary>Everything a request needs lives in the database, so any instance can serve any step.</summary>
public sealed class TwoInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task SignIn_StepsOnDifferentInstances_CompletesAndRefreshes()
    {
        var (email, secret) = await CreateUserWithTotpAsync("hops");
        using var browserOnA = instances.Browser(instances.A);
        using var browserOnB = instances.Browser(instances.B);
        var request = SignInSteps.WebRequest();

        var otpPage = await SignInSteps.SignInAsync(browserOnA, request, email, Password);
        Assert.Equal("/Account/TwoStep", otpPage.Uri.AbsolutePath);
        var redirect = await browserOnB.SubmitAsync(otpPage, new Dictionary<string, string> { ["Input.Code"] = Code(secret) });
        var tokens = await TokenResponse.ExchangeCodeAsync(browserOnA.Http, request, redirect.Code, TestData.WebSecret);
        var refreshed = await TokenResponse.RefreshAsync(browserOnB.Http, "web", TestData.WebSecret, tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("mfa", tokens.IdTokenJwt.GetClaim("acr").Value);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
    }

    [Fact]
    public async Task OtpCode_AcceptedOnA_RefusedOnB()
    {
        var (email, secret) = await CreateUserWithTotpAsync("replay");
        var userId = await UserIdAsync(email);
        var code = Code(secret);

        var onA = instances.Service<OtpVerification>(instances.A, out var scopeA);
        var onB = instances.Service<OtpVerification>(instances.B, out var scopeB);
        using (scopeA)
        using (scopeB)
        {
            Assert.NotNull(await onA.TryAcceptAsync(userId, code));
            Assert.Null(await onB.TryAcceptAsync(userId, code));
        }
    }

    [Fact]
    public async Task OtpSecret_EncryptedByA_DecryptedByB()
    {
        var (email, secret) = await CreateUserWithTotpAsync("secret");
        var userId = await UserIdAsync(email);

        var db = instances.Service<ApplicationDbContext>(instances.B, out var scope);
        using (scope)
        {
            var device = await db.OtpDevices.AsNoTracking().SingleAsync(candidate => candidate.UserId == userId);
            var secrets = instances.Service<OtpDeviceSecrets>(instances.B, out var secretsScope);
            using (secretsScope)
            {
                Assert.Equal(secret, secrets.Unprotect(device));
            }
        }
    }

    [Fact]
    public async Task PersonalAccessToken_RevokedThroughA_RefusedByBAtOnce()
    {
        var (email, _) = await CreateUserWithTotpAsync("script");
        var userId = await UserIdAsync(email);
        var tokens = instances.Service<UserTokens>(instances.A, out var scope);
        NewTokenResult created;
        using (scope)
        {
            created = await tokens.CreateAsync(userId, new NewTokenInput("deploy", 30, false, ["api"]));
        }

        using var clientOfB = instances.B.CreateClient();
        using var clientOfA = instances.A.CreateClient();
        var before = await ExchangeAsync(clientOfB, created.Secret!);
        Assert.Equal(HttpStatusCode.OK, before.Status);

        var revoker = instances.Service<UserTokens>(instances.A, out var revokeScope);
        using (revokeScope)
        {
            Assert.True(await revoker.RevokeAsync(userId, created.Token!.Id));
        }

        var after = await ExchangeAsync(clientOfB, created.Secret!);
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
        var (email, _) = await CreateUserWithTotpAsync("client-change");
        var clientId = $"cli-{Guid.NewGuid():N}";
        var applications = instances.Service<IOpenIddictApplicationManager>(instances.A, out var scope);
        NewTokenResult created;
        using (scope)
        {
            var descriptor = new OpenIddictApplicationDescriptor { ClientId = clientId, ClientType = ClientTypes.Public };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Prefixes.Scope + "api",
                Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType]);
            await applications.CreateAsync(descriptor);
            created = await scope.ServiceProvider.GetRequiredService<UserTokens>()
                .CreateAsync(await UserIdAsync(email), new NewTokenInput("client-change", 30, false, ["api"]));
        }

        using var clientOfA = instances.A.CreateClient();
        using var clientOfB = instances.B.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(clientOfA, created.Secret!, clientId)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ExchangeAsync(clientOfB, created.Secret!, clientId)).Status);

        var manager = instances.Service<IOpenIddictApplicationManager>(instances.A, out var changeScope);
        using (changeScope)
        {
            var application = await manager.FindByClientIdAsync(clientId);
            var descriptor = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(descriptor, application!);
            descriptor.Permissions.Remove(Permissions.Prefixes.GrantType + PersonalAccessTokenProtocol.GrantType);
            await manager.UpdateAsync(application!, descriptor);
        }

        Assert.Equal("unauthorized_client", (await ExchangeAsync(clientOfA, created.Secret!, clientId)).Error);
        instances.Advance(ClientCacheEntries.Lifetime);
        Assert.Equal("unauthorized_client", (await ExchangeAsync(clientOfB, created.Secret!, clientId)).Error);
    }

    private static Task<TokenResponse> ExchangeAsync(HttpClient http, string token, string clientId = TwoInstances.ScriptClient) =>
        TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "urn:identityprovider:grant-type:personal_access_token",
            ["token"] = token,
            ["client_id"] = clientId,
        });

    private const string Password = "scale-out-password";

    /// <summary>A user created on instance A with a confirmed TOTP device; the clocks then move to a fresh step.</summary>
    private async Task<(string Email, byte[] Secret)> CreateUserWithTotpAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        var users = instances.Service<UserManager<ApplicationUser>>(instances.A, out var scope);
        using (scope)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            var devices = scope.ServiceProvider.GetRequiredService<OtpDevices>();
            var (device, secret) = await devices.BeginEnrolmentAsync(user.Id, "phone", OtpParameters.DefaultTotp);
            Assert.True(await devices.ConfirmEnrolmentAsync(user.Id, device.Id, Code(secret), null));
            instances.Advance(TimeSpan.FromSeconds(30));
            return (email, secret);
        }
    }

    private async Task<string> UserIdAsync(string email)
    {
        var users = instances.Service<UserManager<ApplicationUser>>(instances.A, out var scope);
        using (scope)
        {
            return (await users.FindByEmailAsync(email))!.Id;
        }
    }

    private string Code(byte[] secret) => new Totp(secret).ComputeTotp(instances.A.Clock.GetUtcNow().UtcDateTime);
}
