using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>The provider with extra users, so each consent test starts from a user who has consented to nothing.</summary>
public sealed class ConsentFixture : ProviderFixture
{
    public const string Password = "consent-user-password";

    public static readonly string[] Users = ["carol@example.com", "dave@example.com", "erin@example.com", "frank@example.com", "grace@example.com", "heidi@example.com", "ivan@example.com"];

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>();
            for (var i = 0; i < Users.Length; i++)
            {
                settings[$"Seed:Users:{i + 2}:Email"] = Users[i];
                settings[$"Seed:Users:{i + 2}:Password"] = Password;
                settings[$"Seed:Users:{i + 2}:Name"] = Users[i].Split('@')[0];
            }

            return settings;
        }
    }
}

/// <summary>Explicit consent for the third-party public client <c>spa</c> (PKCE required).</summary>
public class ConsentTests(ConsentFixture provider) : IClassFixture<ConsentFixture>
{
    private const string SpaScopes = "openid profile email api";

    private static AuthorizationRequest SpaRequest(IReadOnlyDictionary<string, string>? extra = null) =>
        new("spa", TestData.SpaRedirectUri, SpaScopes) { Extra = extra ?? new Dictionary<string, string>() };

    [Fact]
    public async Task Consent_FirstSignIn_ShowsConsentPageListingRequestedScopes()
    {
        using var client = provider.CreateClient();

        var page = await SignInWithPasswordAsync(client, SpaRequest(), ConsentFixture.Users[0], ConsentFixture.Password);

        var consent = page.As<ConsentPage>();
        Assert.Equal(["api", "email", "openid", "profile"], consent.ListedScopes.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("Third-party app", consent.Text);
    }

    [Fact]
    public async Task Consent_Deny_RedirectsAccessDeniedWithState()
    {
        using var client = provider.CreateClient();
        var request = SpaRequest();
        var consent = await SignInWithPasswordAsync(client, request, ConsentFixture.Users[1], ConsentFixture.Password);

        var page = await consent.As<ConsentPage>().DenyAsync();

        Assert.NotNull(page.ExternalRedirect);
        Assert.Equal(TestData.SpaRedirectUri, WithoutQuery(page.ExternalRedirect));
        Assert.Equal("access_denied", page.RedirectQuery["error"]);
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        Assert.False(page.RedirectQuery.ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_Deny_IsNotRemembered()
    {
        using var client = provider.CreateClient();
        var consent = await SignInWithPasswordAsync(client, SpaRequest(), ConsentFixture.Users[1], ConsentFixture.Password);
        await consent.As<ConsentPage>().DenyAsync();

        var again = await client.GetAsync(SpaRequest().ToUrl());

        again.As<ConsentPage>();
    }

    [Fact]
    public async Task Consent_Allow_ReturnsCodeThatPublicClientExchangesWithVerifier()
    {
        using var client = provider.CreateClient();
        var request = SpaRequest();
        var consent = await SignInWithPasswordAsync(client, request, ConsentFixture.Users[2], ConsentFixture.Password);

        var page = await consent.As<ConsentPage>().AllowAsync();

        Assert.Equal(TestData.SpaRedirectUri, WithoutQuery(page.ExternalRedirect!));
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, clientSecret: null);
        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Json.ToString());
        Assert.Equal(ConsentFixture.Users[2], tokens.IdTokenJwt.GetClaim("email").Value);
        Assert.Equal(request.Nonce, tokens.IdTokenJwt.GetClaim("nonce").Value);
        Assert.Equal("spa", tokens.AccessTokenJwt.GetClaim("client_id").Value);
    }

    [Fact]
    public async Task Consent_AllowedBefore_SecondAuthorizeReturnsCodeWithoutConsentPage()
    {
        using var client = provider.CreateClient();
        var consent = await SignInWithPasswordAsync(client, SpaRequest(), ConsentFixture.Users[3], ConsentFixture.Password);
        var first = await consent.As<ConsentPage>().AllowAsync();
        Assert.False(string.IsNullOrEmpty(first.Code));
        var request = SpaRequest();

        var page = await client.GetAsync(request.ToUrl());

        Assert.False(page.Is<ConsentPage>());
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, clientSecret: null);
        Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Json.ToString());
    }

    [Fact]
    public async Task Consent_ClaimsParameter_CountsAsTheScopesItsClaimsNeed_OnlyThoseTheClientMayHave()
    {
        using var client = provider.CreateClient();
        var email = ConsentFixture.Users[6];
        var userId = await provider.Factory.QueryAsync(db => db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync());
        await provider.Factory.UpdateUserAsync(userId, user => user.PhoneNumber = "+4670123456");
        // The spa client may have email, but not phone.
        var claims = new Dictionary<string, string> { ["claims"] = """{"userinfo":{"email":{"essential":true},"phone_number":{"essential":true}}}""" };
        var request = new AuthorizationRequest("spa", TestData.SpaRedirectUri, "openid") { Extra = claims };

        var consent = (await SignInWithPasswordAsync(client, request, email, ConsentFixture.Password)).As<ConsentPage>();
        Assert.Equal(["email", "openid"], consent.ListedScopes.Order(StringComparer.Ordinal).ToArray());
        var page = await consent.AllowAsync();
        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, clientSecret: null);
        var userInfo = await UserInfoAsync(client.Http, tokens.AccessToken!);

        Assert.Equal(email, userInfo.GetProperty("email").GetString());
        Assert.False(userInfo.TryGetProperty("phone_number", out _), userInfo.ToString());
        // The remembered consent covers the claim it was given for.
        var again = new AuthorizationRequest("spa", TestData.SpaRedirectUri, "openid") { Extra = claims };
        var second = await client.GetAsync(again.ToUrl());
        Assert.False(second.Is<ConsentPage>());
        Assert.Equal(again.State, second.RedirectQuery["state"]);
    }

    [Fact]
    public async Task Consent_PromptNoneWithoutConsent_RedirectsConsentRequired()
    {
        using var client = provider.CreateClient();
        var consent = await SignInWithPasswordAsync(client, SpaRequest(), ConsentFixture.Users[0], ConsentFixture.Password);
        consent.As<ConsentPage>();
        var request = SpaRequest(new Dictionary<string, string> { ["prompt"] = "none" });

        var page = await client.GetAsync(request.ToUrl());

        Assert.NotNull(page.ExternalRedirect);
        Assert.Equal(TestData.SpaRedirectUri, WithoutQuery(page.ExternalRedirect));
        Assert.Equal("consent_required", page.RedirectQuery["error"]);
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        Assert.False(page.RedirectQuery.ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_DecisionWithoutAntiforgeryToken_IsIgnored()
    {
        using var client = provider.CreateClient();
        var request = SpaRequest();
        var consent = await SignInWithPasswordAsync(client, request, ConsentFixture.Users[4], ConsentFixture.Password);
        consent.As<ConsentPage>();

        // A cross-site form posting "accept" straight to the authorization endpoint must not count as consent.
        var forged = new Dictionary<string, string>
        {
            ["client_id"] = request.ClientId,
            ["redirect_uri"] = request.RedirectUri,
            ["response_type"] = "code",
            ["scope"] = request.Scope,
            ["state"] = request.State,
            ["nonce"] = request.Nonce,
            ["code_challenge"] = request.CodeChallenge,
            ["code_challenge_method"] = "S256",
            [ConsentPage.DecisionField] = ConsentPage.AcceptDecision,
        };
        var page = await client.FollowAsync(await client.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(forged)));

        Assert.True(page.ExternalRedirect is null || !page.RedirectQuery.ContainsKey("code"), $"A forged consent got a code: {page.ExternalRedirect}");
    }

    [Fact]
    public async Task Spa_WithoutPkce_RedirectsInvalidRequestWithoutCode()
    {
        using var client = provider.CreateClient();
        var request = SpaRequest() with { UsePkce = false };

        var page = await client.GetAsync(request.ToUrl());

        // RFC 6749 section 4.1.2.1: client and redirect URI are valid, so the error goes back to the client.
        Assert.True(page.ExternalRedirect is not null, $"No redirect to the client: ended on {page.Uri} ({(int)page.Status}): {page.Text.Trim()}");
        Assert.Equal(TestData.SpaRedirectUri, WithoutQuery(page.ExternalRedirect));
        Assert.Equal("invalid_request", page.RedirectQuery["error"]);
        Assert.Equal(request.State, page.RedirectQuery["state"]);
        Assert.False(page.RedirectQuery.ContainsKey("code"));
    }

    [Fact]
    public async Task Spa_WithPlainPkce_IsRefused()
    {
        using var client = provider.CreateClient();
        var request = SpaRequest(new Dictionary<string, string> { ["code_challenge_method"] = "plain" });

        // Refused before anything else: on the provider's error page or back at the client, never with a code.
        var error = await AuthorizationErrorAsync(client, request.ToUrl(), TestData.SpaRedirectUri);

        Assert.Equal("invalid_request", error);
    }

    [Fact]
    public async Task Spa_CodeExchangeWithWrongVerifier_FailsWithInvalidGrant()
    {
        using var client = provider.CreateClient();
        var request = SpaRequest();
        var consent = await SignInWithPasswordAsync(client, request, ConsentFixture.Users[5], ConsentFixture.Password);
        var page = consent.Is<ConsentPage>() ? await consent.As<ConsentPage>().AllowAsync() : consent;

        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request with { CodeVerifier = request.CodeVerifier + "x" }, page.Code, clientSecret: null);

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_grant", tokens.Error);
        Assert.Null(tokens.AccessToken);
    }
}
