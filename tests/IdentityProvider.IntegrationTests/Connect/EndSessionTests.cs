using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.WebUtilities;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>RP-initiated logout at <c>/connect/endsession</c>.</summary>
public class EndSessionTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static string EndSessionUrl(string? idTokenHint, string postLogoutRedirectUri, string state)
    {
        var query = new Dictionary<string, string?> { ["post_logout_redirect_uri"] = postLogoutRedirectUri, ["state"] = state };
        if (idTokenHint is not null)
        {
            query["id_token_hint"] = idTokenHint;
        }

        return QueryHelpers.AddQueryString("/connect/endsession", query);
    }

    private static async Task<ProviderPage> PromptNoneAsync(ProviderClient client) =>
        await client.GetAsync(UserStories.WebRequest(new Dictionary<string, string> { ["prompt"] = "none" }).ToUrl());

    [Fact]
    public async Task EndSession_WithIdTokenHintAndRegisteredUri_RedirectsThereWithState()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        using var response = await client.Http.GetAsync(EndSessionUrl(tokens.IdToken, TestData.WebPostLogoutUri, "x"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri, location.ToString());
        Assert.Equal(TestData.WebPostLogoutUri, WithoutQuery(location));
        Assert.Equal("x", RedirectParameters(location)["state"]);
    }

    [Fact]
    public async Task EndSession_AfterLogout_PromptNoneAnswersLoginRequired()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);
        var before = await PromptNoneAsync(client);
        Assert.False(string.IsNullOrEmpty(before.Code)); // the session exists before the logout

        var logout = await client.GetAsync(EndSessionUrl(tokens.IdToken, TestData.WebPostLogoutUri, "x"));
        Assert.NotNull(logout.ExternalRedirect);

        var after = await PromptNoneAsync(client);
        Assert.NotNull(after.ExternalRedirect);
        Assert.Equal("login_required", after.RedirectQuery["error"]);
        Assert.False(after.RedirectQuery.ContainsKey("code"));
    }

    [Fact]
    public async Task EndSession_AfterLogout_AccountPageNeedsSignInAgain()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        await client.GetAsync(EndSessionUrl(tokens.IdToken, TestData.WebPostLogoutUri, "x"));
        var manage = await ManagePage.OpenAsync(client);

        Assert.NotNull(manage.As<LoginPage>().PasswordInput);
    }

    [Fact]
    public async Task EndSession_UnregisteredPostLogoutUri_IsNotRedirectedTo()
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);

        using var response = await client.Http.GetAsync(EndSessionUrl(tokens.IdToken, "https://evil.example/phish", "x"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var location = response.Headers.Location;
        Assert.True(location is null || !location.IsAbsoluteUri || location.Host == "localhost", $"Redirected to {location}");
        Assert.DoesNotContain("evil.example", location?.ToString() ?? "");
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
    }

    [Fact]
    public async Task EndSession_UnregisteredPostLogoutUriWithoutHint_IsNotRedirectedTo()
    {
        using var client = provider.CreateClient();
        await UserStories.AliceTokensAsync(client);

        using var response = await client.Http.GetAsync(EndSessionUrl(null, "https://evil.example/phish", "x"));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task EndSession_WithoutPostLogoutUri_ShowsProviderSignedOutPage()
    {
        using var client = provider.CreateClient();
        await UserStories.AliceTokensAsync(client);

        var confirmation = await client.GetAsync("/connect/endsession").As<LogoutPage>();
        var page = await confirmation.SignOutAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var after = await PromptNoneAsync(client);
        Assert.Equal("login_required", after.RedirectQuery["error"]);
    }

    [Fact]
    public async Task EndSession_GetWithoutIdTokenHint_AsksFirst_SessionLivesUntilConfirmed()
    {
        using var client = provider.CreateClient();
        await UserStories.AliceTokensAsync(client);

        // A link on any site: the provider asks instead of signing out.
        (await client.GetAsync(EndSessionUrl(null, TestData.WebPostLogoutUri, "x"))).As<LogoutPage>();

        Assert.False(string.IsNullOrEmpty((await PromptNoneAsync(client)).Code), "A GET without id_token_hint ended the session.");
    }

    [Fact]
    public async Task EndSession_CrossSitePostWithoutIdTokenHint_AsksFirst()
    {
        using var client = provider.CreateClient();
        await UserStories.AliceTokensAsync(client);

        var answer = await client.FollowAsync(await client.Http.PostAsync("/connect/endsession",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["post_logout_redirect_uri"] = TestData.WebPostLogoutUri })));

        answer.As<LogoutPage>();
        Assert.False(string.IsNullOrEmpty((await PromptNoneAsync(client)).Code), "A cross-site POST without id_token_hint ended the session.");
    }

    [Fact]
    public async Task EndSession_WithoutHintConfirmed_SignsOutAndReturnsToTheClientWithState()
    {
        using var client = provider.CreateClient();
        await UserStories.AliceTokensAsync(client);
        var url = QueryHelpers.AddQueryString(EndSessionUrl(null, TestData.WebPostLogoutUri, "after-confirm"), "client_id", "web");

        var back = await (await client.GetAsync(url).As<LogoutPage>()).ConfirmAsync();

        Assert.Equal(TestData.WebPostLogoutUri, WithoutQuery(back.ExternalRedirect!));
        Assert.Equal("after-confirm", back.RedirectQuery["state"]);
        Assert.Equal("login_required", (await PromptNoneAsync(client)).RedirectQuery["error"]);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("payload")]
    public async Task EndSession_HintThatFailsValidation_ShowsTheErrorPage_NoRedirect_SessionLives(string altered)
    {
        using var client = provider.CreateClient();
        var tokens = await UserStories.AliceTokensAsync(client);
        var parts = tokens.IdTokenJwt.EncodedToken.Split('.');
        var index = altered == "signature" ? 2 : 1;
        parts[index] = Flipped(parts[index]);

        var answer = await client.GetAsync(EndSessionUrl(string.Join('.', parts), TestData.WebPostLogoutUri, "x"));

        Assert.Null(answer.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", new ErrorPage(answer).ErrorCode);
        Assert.False(string.IsNullOrEmpty((await PromptNoneAsync(client)).Code), "A hint that failed validation ended the session.");
    }

    /// <summary>The same base64url text with its middle character changed: still decodable, no longer what was signed.</summary>
    private static string Flipped(string part)
    {
        var middle = part.Length / 2;
        return part[..middle] + (part[middle] == 'A' ? 'B' : 'A') + part[(middle + 1)..];
    }
}
