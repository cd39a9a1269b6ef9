using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// <c>oidcc-basic-certification-test-plan</c> (static client, <c>code</c>, <c>client_secret_basic</c>): its modules, one
/// test each. The Form Post plan runs the same modules with <c>response_mode=form_post</c> (<see cref="FormPostPlanTests"/>).
/// Not here, because the suite runs them for dynamically registered clients only: <c>oidcc-idtoken-signature</c>,
/// <c>oidcc-idtoken-unsigned</c>, <c>oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported</c>.
/// </summary>
[Collection(ConformanceCollection.Name)]
public abstract class BasicPlan(SuiteProvider provider)
{
    /// <summary>Null for the Basic plan (query), <c>form_post</c> for the Form Post plan.</summary>
    protected abstract string? ResponseMode { get; }

    [Module("oidcc-server")]
    public async Task Server()
    {
        await using var run = await StartAsync();

        var flow = await run.RunAsync(run.NewRequest());

        // EnsureMinimumAuthorizationCodeLength (128 bits) and EnsureMinimumAuthorizationCodeEntropy (over 96 bits).
        Assert.True(Encoding.ASCII.GetByteCount(flow.Code) >= 16, flow.Code);
        Assert.True(SuiteChecks.EntropyBits(flow.Code) > 96, flow.Code);
        // EnsureIdTokenDoesNotContainNonRequestedClaims (a WARNING): scope openid releases no profile claim to the id_token.
        // OpenIddict's own claims (oi_au_id, oi_tkn_id: the authorization and token the id_token belongs to) stay; the
        // suite warns of them (docs/CONFORMANCE.md).
        Assert.DoesNotContain(flow.IdToken.Claims, claim => !SuiteChecks.OpenIdOnlyClaims.Contains(claim.Type) && !claim.Type.StartsWith("oi_", StringComparison.Ordinal));
    }

    [Module("oidcc-response-type-missing")]
    public async Task ResponseTypeMissing()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest().Without("response_type");

        var outcome = await AuthorizeAndSeeAsync(run, request);

        // Either way is a pass: the error back to the client, or the provider's error page.
        var error = outcome.Callback is { } callback ? run.ErrorFrom(callback, request) : await outcome.Page!.ErrorCodeAsync();
        Assert.Contains(error, new[] { "unsupported_response_type", "invalid_request" });
    }

    [Module("oidcc-userinfo-get")]
    public async Task UserInfoGet()
    {
        await using var run = await StartAsync();
        var flow = await run.RunAsync(run.NewRequest());

        using var answer = await UserInfoRequestAsync(run, HttpMethod.Get, flow.Tokens.AccessToken!, inHeader: true);

        await AssertUserInfoAnswerAsync(answer, flow);
    }

    [Module("oidcc-userinfo-post-header")]
    public async Task UserInfoPostHeader()
    {
        await using var run = await StartAsync();
        var flow = await run.RunAsync(run.NewRequest());

        using var answer = await UserInfoRequestAsync(run, HttpMethod.Post, flow.Tokens.AccessToken!, inHeader: true);

        await AssertUserInfoAnswerAsync(answer, flow);
    }

    [Module("oidcc-userinfo-post-body")]
    public async Task UserInfoPostBody()
    {
        await using var run = await StartAsync();
        var flow = await run.RunAsync(run.NewRequest());

        using var answer = await UserInfoRequestAsync(run, HttpMethod.Post, flow.Tokens.AccessToken!, inHeader: false);

        // Optional for the suite (a WARNING when refused); the provider takes it.
        await AssertUserInfoAnswerAsync(answer, flow);
    }

    [Module("oidcc-ensure-request-without-nonce-succeeds-for-code-flow")]
    public async Task RequestWithoutNonceSucceedsForCodeFlow()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest().Without("nonce");

        var code = run.CodeFrom(await run.SignInAsync(request), request);

        Assert.NotEmpty(code);
    }

    [Module("oidcc-scope-profile")]
    public async Task ScopeProfile()
    {
        await using var run = await StartAsync();

        var flow = await RunScopeModuleAsync(run, "openid profile");

        AssertHasClaims(flow.UserInfo, "name", "given_name", "family_name", "preferred_username", "locale", "zoneinfo", "updated_at");
    }

    [Module("oidcc-scope-email")]
    public async Task ScopeEmail()
    {
        await using var run = await StartAsync();

        var flow = await RunScopeModuleAsync(run, "openid email");

        AssertHasClaims(flow.UserInfo, "email", "email_verified");
        // EnsureUserInfoDoesNotContainName, EnsureIdTokenDoesNotContainName.
        Assert.False(flow.UserInfo.TryGetProperty("name", out _), flow.UserInfo.ToString());
        Assert.False(flow.IdToken.TryGetPayloadValue<string>("name", out _));
    }

    [Module("oidcc-scope-address")]
    public async Task ScopeAddress()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest("openid address");

        // The suite skips the module: discovery does not list the scope. The provider keeps no postal addresses,
        // and a request for the scope is refused cleanly, with the client's state.
        Assert.DoesNotContain("address", run.Discovery.ScopesSupported);
        Assert.Equal("invalid_scope", run.ErrorFrom(await run.AuthorizeAsync(request), request));
    }

    [Module("oidcc-scope-phone")]
    public async Task ScopePhone()
    {
        await using var run = await StartAsync();

        var flow = await RunScopeModuleAsync(run, "openid phone");

        AssertHasClaims(flow.UserInfo, "phone_number", "phone_number_verified");
    }

    [Module("oidcc-scope-all")]
    public async Task ScopeAll()
    {
        await using var run = await StartAsync();

        // The suite asks for "openid email phone address profile" only when discovery lists all five; without
        // address it skips the module. The scopes the provider serves, asked for together, release every claim.
        Assert.DoesNotContain("address", run.Discovery.ScopesSupported);
        var flow = await RunScopeModuleAsync(run, "openid email phone profile");

        AssertHasClaims(flow.UserInfo, "email", "email_verified", "phone_number", "phone_number_verified", "name", "given_name", "family_name", "updated_at");
    }

    [Module("oidcc-alternate-happy-flow")]
    public async Task AlternateHappyFlow()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest("email openid");
        // BuildPlainRedirectToAuthorizationEndpointReorderedParams: the parameters in reverse order.
        var url = run.Discovery.AuthorizeEndpoint + "?" + string.Join('&', request.Parameters.Reverse()
            .Select(parameter => $"{Uri.EscapeDataString(parameter.Key)}={Uri.EscapeDataString(parameter.Value)}"));

        await run.Browser.GoAsync(url);
        await run.SignInStepsAsync();
        var flow = await run.FinishAsync(await run.Browser.NextCallbackAsync(), request);

        AssertHasClaims(flow.UserInfo, "email", "email_verified");
        Assert.False(flow.UserInfo.TryGetProperty("name", out _), flow.UserInfo.ToString());
    }

    [Module("oidcc-display-page")]
    public async Task DisplayPage()
    {
        await using var run = await StartAsync();

        await run.RunAsync(run.NewRequest().With("display", "page"));
    }

    [Module("oidcc-display-popup")]
    public async Task DisplayPopup()
    {
        await using var run = await StartAsync();

        await run.RunAsync(run.NewRequest().With("display", "popup"));
    }

    [Module("oidcc-prompt-login")]
    public async Task PromptLogin()
    {
        await using var run = await StartAsync();
        var first = await run.RunAsync(run.NewRequest());
        run.Wait(TimeSpan.FromSeconds(1));

        // The suite's screenshot: the provider asks the signed-in user to sign in again.
        var again = run.NewRequest().With("prompt", "login");
        var page = await run.AuthorizeExpectingPageAsync(again);
        Assert.True(page.IsSignInPage, $"prompt=login did not ask for the password again: {page.Page.Url}");
        await run.SignInStepsAsync();
        var second = await run.FinishAsync(await run.Browser.NextCallbackAsync(), again);

        // CheckSecondIdTokenAuthTimeIsLaterIfPresent.
        Assert.True(second.AuthTime > first.AuthTime, $"auth_time {second.AuthTime} is not later than {first.AuthTime}");
    }

    [Module("oidcc-prompt-none-not-logged-in")]
    public async Task PromptNoneNotLoggedIn()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest(stateLength: 128).With("prompt", "none");

        var error = run.ErrorFrom(await run.AuthorizeAsync(request), request);

        Assert.Contains(error, SuiteChecks.UserInterfaceErrors);
    }

    [Module("oidcc-prompt-none-logged-in")]
    public async Task PromptNoneLoggedIn()
    {
        await using var run = await StartAsync();
        var first = await run.RunAsync(run.NewRequest());

        var second = await run.RunAsync(run.NewRequest().With("prompt", "none"), signIn: false);

        Assert.Equal(first.AuthTime, second.AuthTime);
        Assert.Equal(first.IdToken.Subject, second.IdToken.Subject);
    }

    [Module("oidcc-max-age-1")]
    public async Task MaxAge1()
    {
        await using var run = await StartAsync();
        var first = await run.RunAsync(run.NewRequest());
        run.Wait(TimeSpan.FromSeconds(2));

        var again = run.NewRequest().With("max_age", "1");
        var page = await run.AuthorizeExpectingPageAsync(again);
        Assert.True(page.IsSignInPage, $"max_age=1 did not ask for the password again: {page.Page.Url}");
        await run.SignInStepsAsync();
        var second = await run.FinishAsync(await run.Browser.NextCallbackAsync(), again);

        // CheckIdTokenAuthTimeClaimPresentDueToMaxAge, CheckSecondIdTokenAuthTimeIsLaterIfPresent, CheckIdTokenAuthTimeIsRecentIfPresent.
        Assert.True(second.AuthTime > first.AuthTime, $"auth_time {second.AuthTime} is not later than {first.AuthTime}");
        Assert.True(second.AuthTime >= provider.Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds());
    }

    [Module("oidcc-max-age-10000")]
    public async Task MaxAge10000()
    {
        await using var run = await StartAsync();
        var first = await run.RunAsync(run.NewRequest().With("max_age", "15000"));

        var second = await run.RunAsync(run.NewRequest().With("max_age", "10000"), signIn: false);

        Assert.Equal(first.AuthTime, second.AuthTime);
        Assert.Equal(first.IdToken.Subject, second.IdToken.Subject);
    }

    [Module("oidcc-ensure-request-with-unknown-parameter-succeeds")]
    public async Task RequestWithUnknownParameterSucceeds()
    {
        await using var run = await StartAsync();

        await run.RunAsync(run.NewRequest().With("extra", "foobar"));
    }

    [Module("oidcc-id-token-hint")]
    public async Task IdTokenHint()
    {
        await using var run = await StartAsync();
        var first = await run.RunAsync(run.NewRequest());

        var second = await run.RunAsync(
            run.NewRequest().With("prompt", "none").With("id_token_hint", first.Tokens.IdentityToken!), signIn: false);

        Assert.Equal(first.AuthTime, second.AuthTime);
        Assert.Equal(first.IdToken.Subject, second.IdToken.Subject);
    }

    [Module("oidcc-login-hint")]
    public async Task LoginHint()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest().With("login_hint", run.User.Email);

        var page = await run.AuthorizeExpectingPageAsync(request);
        // Beyond the suite (it asks only that the request works): the hint fills the e-mail field.
        Assert.Equal(run.User.Email, await page.Page.InputValueAsync("input[autocomplete~=username]"));
        await run.SignInStepsAsync();
        await run.FinishAsync(await run.Browser.NextCallbackAsync(), request);
    }

    [Module("oidcc-ui-locales")]
    public async Task UiLocales()
    {
        await using var run = await StartAsync();

        // The suite's default value, a language the provider does not speak: the sign-in still works.
        await run.RunAsync(run.NewRequest().With("ui_locales", "se"));
    }

    [Module("oidcc-claims-locales")]
    public async Task ClaimsLocales()
    {
        await using var run = await StartAsync();

        await run.RunAsync(run.NewRequest().With("claims_locales", "se"));
    }

    [Module("oidcc-ensure-request-with-acr-values-succeeds")]
    public async Task RequestWithAcrValuesSucceeds()
    {
        await using var run = await StartAsync();
        var acrValues = run.Discovery.TryGetStringArray("acr_values_supported").ToArray();
        Assert.NotEmpty(acrValues);

        var flow = await run.RunAsync(run.NewRequest().With("acr_values", string.Join(' ', acrValues)));

        // ValidateIdTokenACRClaimAgainstAcrValuesRequest: acr is one of the values asked for.
        Assert.Contains(flow.IdToken.GetClaim("acr").Value, acrValues);
    }

    [Module("oidcc-codereuse")]
    public async Task CodeReuse()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest();
        var flow = await run.RunAsync(request);

        var reuse = await run.RequestCodeTokenAsync(flow.Code, request);

        AssertInvalidGrant(reuse);
    }

    [Module("oidcc-codereuse-30seconds")]
    public async Task CodeReuseAfter30Seconds()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest();
        var flow = await run.RunAsync(request);
        run.Wait(TimeSpan.FromSeconds(30));

        var reuse = await run.RequestCodeTokenAsync(flow.Code, request);
        var userInfo = await run.Http.GetUserInfoAsync(new UserInfoRequest { Address = run.Discovery.UserInfoEndpoint, Token = flow.Tokens.AccessToken });

        AssertInvalidGrant(reuse);
        // EnsureHttpStatusCodeIs4xx: the tokens of a code used twice are revoked (RFC 6749 §4.1.2).
        Assert.InRange((int)userInfo.HttpStatusCode, 400, 499);
    }

    [Module("oidcc-ensure-registered-redirect-uri")]
    public async Task RegisteredRedirectUri()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest().With("redirect_uri", run.RedirectUri + "/" + SuiteRequest.Random(10));

        var page = await run.AuthorizeExpectingPageAsync(request);

        Assert.Equal("invalid_request", await page.ErrorCodeAsync());
    }

    [Module("oidcc-ensure-post-request-succeeds")]
    public async Task PostRequestSucceeds()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest();

        await run.Browser.PostFormAsync(run.Discovery.AuthorizeEndpoint!, request.Parameters);
        await run.SignInStepsAsync();

        await run.FinishAsync(await run.Browser.NextCallbackAsync(), request);
    }

    [Module("oidcc-server-client-secret-post")]
    public async Task ServerClientSecretPost()
    {
        await using var run = await StartAsync();

        // EnsureServerConfigurationSupportsClientSecretPost: the list must be there and name the method.
        Assert.Contains("client_secret_post", run.Discovery.TokenEndpointAuthenticationMethodsSupported);
        await run.RunAsync(run.NewRequest(client: SuiteClients.ClientSecretPost), style: ClientCredentialStyle.PostBody);
    }

    [Module("oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported")]
    public async Task UnsignedRequestObject()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest();
        var requestObject = UnsignedJwt(request.Parameters);
        var query = new SuiteRequest(SuiteClients.Client, run.RedirectUri, "openid", null).Without("state").Without("nonce").With("request", requestObject);

        // Rejected as unsupported (request_parameter_supported is false): the suite skips the module.
        Assert.False(run.Discovery.TryGetBoolean("request_parameter_supported"));
        var callback = await run.AuthorizeAsync(query);
        var response = callback.Query.Count > 0 ? callback.Query : callback.Form;
        Assert.Equal("request_not_supported", response.GetValueOrDefault("error"));
        Assert.False(response.ContainsKey("code"));
    }

    [Module("oidcc-claims-essential")]
    public async Task ClaimsEssential()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest().With("claims", """{"userinfo":{"name":{"essential":true}}}""");

        var flow = await run.RunAsync(request);

        // EnsureUserInfoContainsName, EnsureIdTokenDoesNotContainName.
        Assert.False(string.IsNullOrEmpty(flow.UserInfo.GetProperty("name").GetString()));
        Assert.False(flow.IdToken.TryGetPayloadValue<string>("name", out _));
        Assert.Equal(flow.IdToken.Subject, flow.UserInfo.GetProperty("sub").GetString());
    }

    [Module("oidcc-ensure-request-object-with-redirect-uri")]
    public async Task RequestObjectWithRedirectUri()
    {
        await using var run = await StartAsync();
        var request = run.NewRequest();
        var query = new SuiteRequest(SuiteClients.Client, run.RedirectUri, "openid", null)
            .Without("state").Without("nonce")
            .With("redirect_uri", run.RedirectUri + "/_invalid")
            .With("request", UnsignedJwt(request.Parameters));

        var page = await run.AuthorizeExpectingPageAsync(query);

        // Request objects are not supported, so the query's redirect_uri counts, and it is not registered: the error page.
        Assert.NotNull(await page.ErrorCodeAsync());
    }

    [Module("oidcc-refresh-token")]
    public async Task RefreshToken()
    {
        await using var run = await StartAsync();
        Assert.Contains("offline_access", run.Discovery.ScopesSupported);
        Assert.Contains("refresh_token", run.Discovery.GrantTypesSupported);

        var first = await RefreshFlowAsync(run, SuiteClients.Client, sendScope: true);
        await using var second = await StartAsync();
        var other = await RefreshFlowAsync(second, SuiteClients.Client2, sendScope: false);

        // Client 2's refresh token presented by client 1.
        var crossed = await run.Http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = run.Discovery.TokenEndpoint,
            ClientId = SuiteClients.Client.ClientId,
            ClientSecret = SuiteClients.Client.ClientSecret,
            RefreshToken = other,
            Scope = "openid offline_access",
        });
        AssertInvalidGrant(crossed);
        Assert.NotEqual(first, other);
    }

    [Module("oidcc-ensure-request-with-valid-pkce-succeeds")]
    public async Task RequestWithValidPkceSucceeds()
    {
        await using var run = await StartAsync();

        await run.RunAsync(run.NewRequest().WithPkce());
    }

    private Task<SuiteRun> StartAsync() => SuiteRun.StartAsync(provider, ResponseMode);

    /// <summary>
    /// A scope module (AbstractOIDCCReturnedClaimsServerTest): skipped by the suite unless discovery lists every scope;
    /// the flow; userinfo's sub is the id_token's (VerifyUserInfoAndIdTokenInTokenEndpointSameSub).
    /// </summary>
    private static async Task<FlowResult> RunScopeModuleAsync(SuiteRun run, string scope)
    {
        Assert.All(scope.Split(' '), name => Assert.Contains(name, run.Discovery.ScopesSupported));
        var flow = await run.RunAsync(run.NewRequest(scope));
        Assert.Equal(flow.IdToken.Subject, flow.UserInfo.GetProperty("sub").GetString());
        return flow;
    }

    /// <summary>Opens the request and sees where the browser ends: back at the suite, or on a page of the provider.</summary>
    private static async Task<(Callback? Callback, ProviderPageInBrowser? Page)> AuthorizeAndSeeAsync(SuiteRun run, SuiteRequest request)
    {
        await run.Browser.GoAsync(run.AuthorizeUrl(request));
        await run.Browser.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        return run.Browser.IsAtSuite
            ? (await run.Browser.NextCallbackAsync(), null)
            : (null, new ProviderPageInBrowser(run.Browser.Page));
    }

    private static async Task<HttpResponseMessage> UserInfoRequestAsync(SuiteRun run, HttpMethod method, string accessToken, bool inHeader)
    {
        var request = new HttpRequestMessage(method, run.Discovery.UserInfoEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (inHeader)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (method == HttpMethod.Post)
        {
            // The suite's POST: a form, empty when the token is in the header.
            request.Content = new FormUrlEncodedContent(inHeader ? [] : [KeyValuePair.Create("access_token", accessToken)]);
        }

        return await run.Http.SendAsync(request);
    }

    /// <summary>EnsureHttpStatusCodeIs200, EnsureContentTypeJson and the standard-claim checks.</summary>
    private static async Task AssertUserInfoAnswerAsync(HttpResponseMessage answer, FlowResult flow)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode}: {body}");
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        var claims = JsonDocument.Parse(body).RootElement;
        SuiteChecks.UserInfo(claims);
        Assert.Equal(flow.IdToken.Subject, claims.GetProperty("sub").GetString());
    }

    private static void AssertHasClaims(JsonElement userInfo, params string[] names) =>
        Assert.All(names, name => Assert.True(userInfo.TryGetProperty(name, out _), $"Userinfo has no {name}: {userInfo}"));

    /// <summary>CheckTokenEndpointHttpStatus400, CheckTokenEndpointReturnedJsonContentType, CheckErrorFromTokenEndpointResponseErrorInvalidGrant.</summary>
    private static void AssertInvalidGrant(ProtocolResponse answer)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.HttpStatusCode);
        Assert.Equal("application/json", answer.HttpResponse?.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_grant", answer.Error);
    }

    /// <summary>
    /// OIDCCRefreshToken for one client: the flow with <c>offline_access</c> and <c>prompt=consent</c>, a refresh a second
    /// later (with the scope for client 1), its answer's checks, the claims of its id_token against the first, userinfo
    /// with the new access token. Returns the new refresh token.
    /// </summary>
    private static async Task<string> RefreshFlowAsync(SuiteRun run, SuiteClient client, bool sendScope)
    {
        var request = run.NewRequest("openid offline_access", client).With("prompt", "consent");
        var flow = await run.RunAsync(request);
        var refreshToken = flow.Tokens.RefreshToken;
        Assert.False(string.IsNullOrEmpty(refreshToken), "No refresh token was issued.");
        Assert.All(refreshToken, character => Assert.InRange(character, ' ', '~'));
        run.Wait(TimeSpan.FromSeconds(1));

        var refreshed = await run.Http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = run.Discovery.TokenEndpoint,
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            RefreshToken = refreshToken,
            Scope = sendScope ? "openid offline_access" : null,
        });

        Assert.False(refreshed.IsError, $"Refresh: {refreshed.Error} {refreshed.ErrorDescription}");
        Assert.Equal(HttpStatusCode.OK, refreshed.HttpStatusCode);
        Assert.Equal("application/json", refreshed.HttpResponse!.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", refreshed.HttpResponse.Headers.CacheControl?.ToString() ?? "");
        Assert.Equal("bearer", refreshed.TokenType, ignoreCase: true);
        Assert.True(SuiteChecks.EntropyBits(refreshed.AccessToken!) > 96);
        Assert.InRange(refreshed.ExpiresIn, 1, 31_536_000);
        if (refreshed.IdentityToken is { } idToken)
        {
            // CompareIdTokenClaims.
            var renewed = new JsonWebToken(idToken);
            Assert.Equal(flow.IdToken.Issuer, renewed.Issuer);
            Assert.Equal(flow.IdToken.Subject, renewed.Subject);
            Assert.NotEqual(flow.IdToken.IssuedAt, renewed.IssuedAt);
            Assert.Equal(flow.IdToken.Audiences.Order(), renewed.Audiences.Order());
            Assert.Equal(flow.AuthTime, renewed.GetPayloadValue<long>("auth_time"));
            Assert.Equal(flow.IdToken.TryGetPayloadValue<string>("azp", out var azp) ? azp : null, renewed.TryGetPayloadValue<string>("azp", out var renewedAzp) ? renewedAzp : null);
        }

        Assert.Equal(HttpStatusCode.OK, (await run.Http.GetUserInfoAsync(new UserInfoRequest { Address = run.Discovery.UserInfoEndpoint, Token = refreshed.AccessToken })).HttpStatusCode);
        return refreshed.RefreshToken ?? refreshToken;
    }

    /// <summary>The request's parameters as the claims of an unsigned JWT (<c>alg: none</c>, empty signature), as the suite sends it.</summary>
    private static string UnsignedJwt(IReadOnlyDictionary<string, string> parameters) =>
        Base64UrlEncoder.Encode("""{"alg":"none"}""") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(parameters)) + ".";
}

/// <summary><c>oidcc-basic-certification-test-plan</c>: the authorization response in the query.</summary>
public sealed class BasicPlanTests(SuiteProvider provider) : BasicPlan(provider)
{
    protected override string? ResponseMode => null;
}

/// <summary><c>oidcc-formpost-basic-certification-test-plan</c>: the same modules, the response POSTed by the browser.</summary>
public sealed class FormPostPlanTests(SuiteProvider provider) : BasicPlan(provider)
{
    protected override string? ResponseMode => "form_post";
}
