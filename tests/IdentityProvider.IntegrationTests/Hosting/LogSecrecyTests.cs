using System.Net;
using System.Net.Http.Headers;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.IntegrationTests.Hosting;

/// <summary>A provider of its own, so its captured log holds only this class's requests.</summary>
public sealed class LogSecrecyFixture : ProviderFixture;

/// <summary>
/// Runs alone (after the parallel classes), so the capture holds exactly this provider's lines even while
/// providers in one process share Serilog's static logger (see <see cref="LogIsolationTests"/>).
/// </summary>
[CollectionDefinition(nameof(LogSecrecyCollection), DisableParallelization = true)]
public sealed class LogSecrecyCollection;

/// <summary>No password, code, token or secret ever reaches a log line (message, properties or exception).</summary>
[Collection(nameof(LogSecrecyCollection))]
public class LogSecrecyTests(LogSecrecyFixture provider) : IClassFixture<LogSecrecyFixture>
{
    private const string WrongSecret = "web-client-secret-WRONG-typed-value";
    private const string WrongPassword = "alice-wrong-typed-secret-password";

    [Fact]
    public async Task Logs_FullSignInCodeRefreshUserInfoEndSession_ContainNoSecret()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var secrets = new Dictionary<string, string>
        {
            ["password"] = TestData.AlicePassword,
            ["wrong password"] = WrongPassword,
            ["client secret"] = TestData.WebSecret,
            ["wrong client secret"] = WrongSecret,
            ["code verifier"] = request.CodeVerifier,
        };

        // People type passwords into the e-mail field: the value must not be logged from there either.
        var login = await LoginPage.OpenAsync(client, request);
        var typedIntoEmail = await login.SignInAsync(TestData.AlicePassword, TestData.AlicePassword).As<LoginPage>();
        var wrong = await typedIntoEmail.SignInAsync("alice@example.com", WrongPassword).As<LoginPage>();

        var redirect = await wrong.SignInAsync("alice@example.com", TestData.AlicePassword);
        var code = redirect.Code;
        secrets["authorization code"] = code;

        var refused = await TokenResponse.ExchangeCodeAsync(client.Http, request, code, WrongSecret);
        Assert.Equal("invalid_client", refused.Error);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        secrets["access token"] = tokens.AccessToken!;
        secrets["refresh token"] = tokens.RefreshToken!;
        secrets["id token"] = tokens.IdToken!;

        var refreshed = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        secrets["rotated access token"] = refreshed.AccessToken!;
        secrets["rotated refresh token"] = refreshed.RefreshToken!;
        secrets["rotated id token"] = refreshed.IdToken!;

        using var userInfoRequest = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfoRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
        using var userInfo = await client.Http.SendAsync(userInfoRequest);
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);

        var endSession = await client.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = refreshed.IdToken,
            ["post_logout_redirect_uri"] = TestData.WebPostLogoutUri,
            ["state"] = "end-session-state",
        }));
        Assert.StartsWith(TestData.WebPostLogoutUri, endSession.ExternalRedirect?.ToString());

        // Last, because it revokes what the code issued: a replayed code is refused, and the refusal must not log it.
        var replayed = await TokenResponse.ExchangeCodeAsync(client.Http, request, code, TestData.WebSecret);
        Assert.Equal("invalid_grant", replayed.Error);

        var lines = provider.Factory.Logs.Lines.ToList();
        // The capture works: the journey above was logged at all (else this test would prove nothing).
        Assert.Contains(lines, line => line.Contains("/connect/token", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("sign-in.succeeded", StringComparison.Ordinal));
        foreach (var (what, secret) in secrets)
        {
            var leaking = lines.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leaking is null, $"The {what} appears in a log line: {leaking}");
        }
    }
}
