using System.Security.Claims;
using System.Text;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// <c>oidcc-rp-initiated-logout-certification-test-plan</c> (static client, <c>code</c>): each module signs in with both
/// steps, then sends the browser to the end-session endpoint with the module's parameters (built by Duende's client).
/// Where the suite expects a redirect it checks the state and that a <c>prompt=none</c> request then fails; where it
/// asks for a screenshot, the test asserts the page.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class LogoutPlanTests(SuiteProvider provider)
{
    [Module("oidcc-rp-initiated-logout-discovery-endpoint-verification")]
    public async Task DiscoveryEndpointVerification()
    {
        await using var run = await SuiteRun.StartAsync(provider);

        // CheckDiscEndSessionEndpoint, CheckDiscEndpointAllEndpointsAreHttps.
        Assert.Equal(Uri.UriSchemeHttps, new Uri(run.Discovery.EndSessionEndpoint!).Scheme);
        Assert.All(run.Discovery.Json!.Value.EnumerateObject().Where(property => property.Name.EndsWith("_endpoint", StringComparison.Ordinal)),
            property => Assert.Equal(Uri.UriSchemeHttps, new Uri(property.Value.GetString()!).Scheme));
    }

    [Module("oidcc-rp-initiated-logout")]
    public async Task Logout()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        var session = await SignInAsync(run);
        var state = EndSessionState();

        var back = await EndSessionExpectingRedirectAsync(run, session.Tokens.IdentityToken, run.PostLogoutRedirectUri, state);

        // CheckPostLogoutState, CheckForUnexpectedParametersInPostLogoutRedirect.
        Assert.Equal(state, back.Query.GetValueOrDefault("state"));
        Assert.Equal(["state"], back.Query.Keys);
        await AssertSessionEndedAsync(run);
    }

    [Module("oidcc-rp-initiated-logout-bad-post-logout-redirect-uri")]
    public async Task BadPostLogoutRedirectUri()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        var session = await SignInAsync(run);

        var page = await EndSessionExpectingPageAsync(run, session.Tokens.IdentityToken, new Uri(new Uri(run.RedirectUri), "bad_post_logout_redirect_uri").ToString(), EndSessionState());

        Assert.Equal("invalid_request", await page.ErrorCodeAsync());
    }

    [Module("oidcc-rp-initiated-logout-modified-id-token-hint")]
    public async Task ModifiedIdTokenHint()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        var session = await SignInAsync(run);
        // ChangeIdTokenToAlgNone: the payload kept, the header saying "none", the signature gone.
        var payload = session.Tokens.IdentityToken!.Split('.')[1];
        var hint = Base64UrlEncoder.Encode("""{"alg": "none"}""") + "." + payload + ".";

        var page = await EndSessionExpectingPageAsync(run, hint, run.PostLogoutRedirectUri, EndSessionState());

        Assert.Equal("invalid_request", await page.ErrorCodeAsync());
        await AssertSessionLivesAsync(run);
    }

    [Module("oidcc-rp-initiated-logout-no-id-token-hint")]
    public async Task NoIdTokenHint()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        await SignInAsync(run);

        var page = await EndSessionExpectingPageAsync(run, null, run.PostLogoutRedirectUri, EndSessionState());

        // Without a hint naming the user, the provider asks before signing out (any site could link here).
        Assert.True(page.IsLogoutQuestion, page.Page.Url);
        await AssertSessionLivesAsync(run);
    }

    [Module("oidcc-rp-initiated-logout-no-params")]
    public async Task NoParams()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        await SignInAsync(run);

        var page = await EndSessionExpectingPageAsync(run, null, null, null);
        Assert.True(page.IsLogoutQuestion, page.Page.Url);
        await page.ConfirmSignOutAsync();

        // The suite's screenshot: the user is told they are signed out.
        Assert.True(page.IsSignedOutPage, page.Page.Url);
        run.Browser.AssertNoCallback();
        await AssertSessionEndedAsync(run);
    }

    [Module("oidcc-rp-initiated-logout-no-post-logout-redirect-uri")]
    public async Task NoPostLogoutRedirectUri()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        var session = await SignInAsync(run);

        var page = await EndSessionExpectingPageAsync(run, session.Tokens.IdentityToken, null, EndSessionState());

        Assert.True(page.IsSignedOutPage, page.Page.Url);
        await AssertSessionEndedAsync(run);
    }

    [Module("oidcc-rp-initiated-logout-no-state")]
    public async Task NoState()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        var session = await SignInAsync(run);

        var back = await EndSessionExpectingRedirectAsync(run, session.Tokens.IdentityToken, run.PostLogoutRedirectUri, null);

        // CheckNoPostLogoutState.
        Assert.Empty(back.Query);
        await AssertSessionEndedAsync(run);
    }

    [Module("oidcc-rp-initiated-logout-only-state")]
    public async Task OnlyState()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        await SignInAsync(run);

        var page = await EndSessionExpectingPageAsync(run, null, null, EndSessionState());
        Assert.True(page.IsLogoutQuestion, page.Page.Url);
        await page.ConfirmSignOutAsync();

        Assert.True(page.IsSignedOutPage, page.Page.Url);
        run.Browser.AssertNoCallback();
    }

    [Module("oidcc-rp-initiated-logout-query-added-to-post-logout-redirect-uri")]
    public async Task QueryAddedToPostLogoutRedirectUri()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        var session = await SignInAsync(run);

        var page = await EndSessionExpectingPageAsync(run, session.Tokens.IdentityToken, run.PostLogoutRedirectUri + "?foo=bar", EndSessionState());

        Assert.Equal("invalid_request", await page.ErrorCodeAsync());
    }

    [Module("oidcc-rp-initiated-logout-bad-id-token-hint")]
    public async Task BadIdTokenHint()
    {
        await using var run = await SuiteRun.StartAsync(provider);
        await SignInAsync(run);
        // GenerateFakeIdTokenClaims and SignFakeIdToken: HS256 under the client secret, the issuer and audience swapped.
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SuiteClients.Client.ClientId,
            Audience = run.Discovery.Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", "SubjectID"), new Claim("nonce", "flibble")]),
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SuiteClients.Client.ClientSecret)), SecurityAlgorithms.HmacSha256),
        });

        var page = await EndSessionExpectingPageAsync(run, forged, run.PostLogoutRedirectUri, EndSessionState());

        Assert.Equal("invalid_request", await page.ErrorCodeAsync());
        await AssertSessionLivesAsync(run);
    }

    /// <summary>AbstractOIDCCRpInitiatedLogout's first part: a sign-in with a 128-character state, the code flow and userinfo.</summary>
    private static Task<FlowResult> SignInAsync(SuiteRun run) => run.RunAsync(run.NewRequest(stateLength: 128));

    /// <summary>CreateRandomEndSessionState: 90 characters, letters, digits and the punctuation an RP may use.</summary>
    private static string EndSessionState()
    {
        const string punctuation = "!\"#$%&'()*,-./:<=>?@[\\]^_`{|}~";
        var random = Random.Shared;
        var characters = SuiteRequest.Random(60).Concat(Enumerable.Range(0, 30).Select(_ => punctuation[random.Next(punctuation.Length)])).ToArray();
        random.Shuffle(characters);
        return new string(characters);
    }

    private static string EndSessionUrl(SuiteRun run, string? idTokenHint, string? postLogoutRedirectUri, string? state) =>
        new RequestUrl(run.Discovery.EndSessionEndpoint!).CreateEndSessionUrl(idTokenHint, postLogoutRedirectUri, state);

    private static async Task<Callback> EndSessionExpectingRedirectAsync(SuiteRun run, string? idTokenHint, string postLogoutRedirectUri, string? state)
    {
        await run.Browser.GoAsync(EndSessionUrl(run, idTokenHint, postLogoutRedirectUri, state));
        var back = await run.Browser.NextCallbackAsync();
        Assert.Equal(run.PostLogoutRedirectUri, back.Address);
        return back;
    }

    /// <summary>The end-session request where the suite asks for a screenshot: the browser stays at the provider.</summary>
    private static async Task<ProviderPageInBrowser> EndSessionExpectingPageAsync(SuiteRun run, string? idTokenHint, string? postLogoutRedirectUri, string? state)
    {
        await run.Browser.GoAsync(EndSessionUrl(run, idTokenHint, postLogoutRedirectUri, state));
        run.Browser.AssertNoCallback();
        return new ProviderPageInBrowser(run.Browser.Page);
    }

    /// <summary>The suite's check after a logout: <c>prompt=none</c> must now fail with an error that asks for the user.</summary>
    private static async Task AssertSessionEndedAsync(SuiteRun run)
    {
        var request = run.NewRequest().With("prompt", "none");
        var error = run.ErrorFrom(await run.AuthorizeAsync(request), request);
        Assert.Contains(error, SuiteChecks.UserInterfaceErrors);
    }

    /// <summary>Beyond the suite: a refused logout leaves the session as it was (<c>prompt=none</c> still gets a code).</summary>
    private static async Task AssertSessionLivesAsync(SuiteRun run)
    {
        var request = run.NewRequest().With("prompt", "none");
        Assert.NotEmpty(run.CodeFrom(await run.AuthorizeAsync(request), request));
    }
}
