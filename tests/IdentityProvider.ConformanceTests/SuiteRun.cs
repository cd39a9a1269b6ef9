using System.Net;
using System.Text.Json;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// One module's run, as the suite runs it: its own browser (no session yet), a user with an authenticator app who
/// signs in with both steps, the provider's discovery document read by Duende's client, and the suite's checks on
/// each answer. Tokens are requested by Duende's client and id_tokens validated by Microsoft's JWT handler.
/// </summary>
public sealed class SuiteRun : IAsyncDisposable
{
    private readonly SuiteProvider provider;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> configuration;

    private SuiteRun(SuiteProvider provider, string? responseMode, TestUser user, TestDevice device, HttpClient http, DiscoveryDocumentResponse discovery, SuiteBrowser browser)
    {
        this.provider = provider;
        ResponseMode = responseMode;
        User = user;
        Device = device;
        Http = http;
        Discovery = discovery;
        Browser = browser;
        configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(provider.Issuer, ".well-known/openid-configuration").ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = true });
    }

    /// <summary><c>form_post</c> in the Form Post plan; null (the default, query) otherwise.</summary>
    public string? ResponseMode { get; }

    public TestUser User { get; }

    public TestDevice Device { get; }

    public HttpClient Http { get; }

    public DiscoveryDocumentResponse Discovery { get; }

    public SuiteBrowser Browser { get; }

    public Uri Issuer => provider.Issuer;

    /// <summary>The suite's registered redirect address.</summary>
    public string RedirectUri => provider.Suite.RedirectUri;

    public string PostLogoutRedirectUri => provider.Suite.PostLogoutRedirectUri;

    public static async Task<SuiteRun> StartAsync(SuiteProvider provider, string? responseMode = null)
    {
        var user = await UserStories.CreateUserAsync(provider.Factory, displayName: "Conformance Person");
        await CompleteProfileAsync(provider, user);
        var device = await UserStories.EnrolTotpAsync(provider.Factory, user.Id);
        var http = provider.NewBackChannel();
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest { Address = provider.Issuer.ToString() });
        Assert.False(discovery.IsError, $"Discovery: {discovery.Error}");
        var browser = await SuiteBrowser.OpenAsync(provider.Browser.Browser, provider.Suite);
        return new SuiteRun(provider, responseMode, user, device, http, discovery, browser);
    }

    /// <summary>The suite's default request (scope <c>openid</c>) for <paramref name="client"/>, in this plan's response mode.</summary>
    public SuiteRequest NewRequest(string scope = "openid", SuiteClient? client = null, int stateLength = 10) =>
        new(client ?? SuiteClients.Client, RedirectUri, scope, ResponseMode, stateLength);

    public string AuthorizeUrl(SuiteRequest request) =>
        new RequestUrl(Discovery.AuthorizeEndpoint!).Create(new Parameters(request.Parameters));

    /// <summary>The browser opens the request; the user signs in with password and one-time password; the callback that follows.</summary>
    public async Task<Callback> SignInAsync(SuiteRequest request)
    {
        await Browser.GoAsync(AuthorizeUrl(request));
        await SignInStepsAsync();
        return await Browser.NextCallbackAsync();
    }

    /// <summary>The two steps on the provider's pages, where the browser stands at the sign-in page.</summary>
    public async Task SignInStepsAsync()
    {
        Assert.True(BrowserWalk.IsAt(Browser.Page, LoginPage.Path), $"Expected the sign-in page, at {Browser.Page.Url}:\n{await Browser.TextAsync()}");
        await BrowserWalk.SignInAsync(Browser.Page, User.Email, User.Password);
        Assert.True(BrowserWalk.IsAt(Browser.Page, TwoStepPage.Path), $"Expected the one-time password step, at {Browser.Page.Url}:\n{await Browser.TextAsync()}");
        // A fresh TOTP step for every sign-in: a code is accepted once.
        provider.Clock.Advance(UserStories.Step);
        await BrowserWalk.SendOneTimePasswordAsync(Browser.Page, Device.TotpNow(provider.Clock));
    }

    /// <summary>The browser opens the request and the provider answers without asking anything (a session exists, or an error).</summary>
    public async Task<Callback> AuthorizeAsync(SuiteRequest request)
    {
        await Browser.GoAsync(AuthorizeUrl(request));
        return await Browser.NextCallbackAsync();
    }

    /// <summary>The browser opens the request and stays at the provider: the page it shows (the suite asks for a screenshot).</summary>
    public async Task<ProviderPageInBrowser> AuthorizeExpectingPageAsync(SuiteRequest request)
    {
        await Browser.GoAsync(AuthorizeUrl(request));
        Browser.AssertNoCallback();
        return new ProviderPageInBrowser(Browser.Page);
    }

    /// <summary>
    /// The authorization response's parameters where this response mode puts them: the query, or a POST whose
    /// Content-Type is exactly <c>application/x-www-form-urlencoded</c> with no code or error in the query.
    /// </summary>
    public IReadOnlyDictionary<string, string> ResponseOf(Callback callback)
    {
        Assert.Equal(RedirectUri, callback.Address);
        if (ResponseMode != "form_post")
        {
            return callback.Query;
        }

        Assert.Equal("POST", callback.Method);
        Assert.Equal("application/x-www-form-urlencoded", callback.ContentType);
        Assert.False(callback.Query.ContainsKey("code") || callback.Query.ContainsKey("error"), $"The query carries the response: {callback.Url}");
        return callback.Form;
    }

    /// <summary>The suite's checks on a successful authorization response; the code.</summary>
    public string CodeFrom(Callback callback, SuiteRequest request)
    {
        var response = ResponseOf(callback);
        Assert.False(response.ContainsKey("error"), $"The provider answered an error: {string.Join(", ", response)}");
        Assert.Equal(request.State, response.GetValueOrDefault("state"));
        if (response.TryGetValue("iss", out var iss))
        {
            Assert.Equal(Discovery.Issuer, iss);
        }

        var code = response.GetValueOrDefault("code");
        Assert.False(string.IsNullOrEmpty(code), "No code in the authorization response.");
        return code;
    }

    /// <summary>The suite's checks on an authorization error response (state back, no code, only the allowed parameters, clean text); the error.</summary>
    public string ErrorFrom(Callback callback, SuiteRequest request) => SuiteChecks.AuthorizationError(ResponseOf(callback), request.State, Discovery.Issuer);

    /// <summary>The token request with the code (basic authentication unless the module says otherwise), and the suite's checks on the answer.</summary>
    public async Task<TokenResponse> ExchangeAsync(string code, SuiteRequest request, ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader)
    {
        var tokens = await RequestCodeTokenAsync(code, request, style);
        Assert.False(tokens.IsError, $"Token endpoint: {tokens.Error} {tokens.ErrorDescription} ({tokens.HttpStatusCode}) {tokens.Raw}");
        Assert.Equal(HttpStatusCode.OK, tokens.HttpStatusCode);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.TokenType));
        Assert.InRange(tokens.ExpiresIn, 1, 31_536_000);
        Assert.False(string.IsNullOrEmpty(tokens.IdentityToken), "The token response has no id_token.");
        return tokens;
    }

    /// <summary>The token request as it is, for the modules that expect a refusal.</summary>
    public async Task<TokenResponse> RequestCodeTokenAsync(string code, SuiteRequest request, ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader) =>
        await Http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = Discovery.TokenEndpoint,
            ClientId = request.Client.ClientId,
            ClientSecret = request.Client.ClientSecret,
            ClientCredentialStyle = style,
            Code = code,
            RedirectUri = RedirectUri,
            CodeVerifier = request.CodeVerifier,
            Headers = { Accept = { new("application/json") } },
        });

    /// <summary>
    /// The id_token validated by Microsoft's handler against the keys of the provider's JWKS (signature, issuer,
    /// audience, lifetime), then the suite's own checks (kid, nonce, iat, sub, auth_time, acr, updated_at).
    /// </summary>
    public async Task<JsonWebToken> ValidateIdTokenAsync(string idToken, SuiteRequest request)
    {
        var keys = await configuration.GetConfigurationAsync(CancellationToken.None);
        var now = provider.Clock.GetUtcNow();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = keys.Issuer,
            ValidAudience = request.Client.ClientId,
            IssuerSigningKeys = keys.SigningKeys,
            RequireSignedTokens = true,
            // Why: the provider runs on the test's clock, which moves ahead a step per sign-in; lifetimes are judged on it.
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && end > now.UtcDateTime.AddMinutes(-5) && (notBefore is null || notBefore <= now.UtcDateTime.AddMinutes(5)),
        });
        Assert.True(result.IsValid, $"The id_token did not validate: {result.Exception?.Message}");
        var token = (JsonWebToken)result.SecurityToken;
        SuiteChecks.IdToken(token, keys.SigningKeys, request.Parameters.ContainsKey("nonce") ? request.Nonce : null, now);
        return token;
    }

    /// <summary>GET userinfo with the bearer header (Duende's client), 200 and JSON, and the suite's standard-claim checks.</summary>
    public async Task<JsonElement> UserInfoAsync(string accessToken)
    {
        var answer = await Http.GetUserInfoAsync(new UserInfoRequest { Address = Discovery.UserInfoEndpoint, Token = accessToken });
        Assert.False(answer.IsError, $"Userinfo: {answer.Error} ({answer.HttpStatusCode}) {answer.Raw}");
        Assert.Equal(HttpStatusCode.OK, answer.HttpStatusCode);
        var claims = answer.Json ?? throw new Xunit.Sdk.XunitException("Userinfo answered no JSON.");
        SuiteChecks.UserInfo(claims);
        return claims;
    }

    /// <summary>
    /// The suite's happy path for a request: sign in (or not, when a session exists), the code, the token exchange,
    /// the id_token checks and a GET to userinfo.
    /// </summary>
    public async Task<FlowResult> RunAsync(SuiteRequest request, bool signIn = true, ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader) =>
        await FinishAsync(signIn ? await SignInAsync(request) : await AuthorizeAsync(request), request, style);

    /// <summary>The rest of a flow once the callback came: the code, the token exchange, the id_token checks and userinfo.</summary>
    public async Task<FlowResult> FinishAsync(Callback callback, SuiteRequest request, ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader)
    {
        var code = CodeFrom(callback, request);
        var tokens = await ExchangeAsync(code, request, style);
        var idToken = await ValidateIdTokenAsync(tokens.IdentityToken!, request);
        var userInfo = await UserInfoAsync(tokens.AccessToken!);
        return new FlowResult(code, tokens, idToken, userInfo);
    }

    /// <summary>A profile with every claim the provider serves, so the scope modules find each one.</summary>
    private static async Task CompleteProfileAsync(SuiteProvider provider, TestUser user)
    {
        using var scope = provider.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("The user is gone.");
        account.GivenName = "Conformance";
        account.FamilyName = "Person";
        account.PhoneNumber = "+7 495 000-00-00";
        account.PhoneNumberConfirmed = true;
        account.Language = "ru";
        account.TimeZone = "Europe/Moscow";
        account.ProfileUpdatedAt = provider.Clock.GetUtcNow();
        Assert.True((await users.UpdateAsync(account)).Succeeded);
    }

    /// <summary>The provider's clock (the suite waits real seconds; the test moves the provider's time).</summary>
    public void Wait(TimeSpan time) => provider.Clock.Advance(time);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Http.Dispose();
    }
}

/// <summary>What a successful flow gave the suite.</summary>
public sealed record FlowResult(string Code, TokenResponse Tokens, JsonWebToken IdToken, JsonElement UserInfo)
{
    public long AuthTime => IdToken.TryGetPayloadValue<long>(JwtClaimTypes.AuthenticationTime, out var authTime)
        ? authTime
        : throw new Xunit.Sdk.XunitException("The id_token has no auth_time.");
}
