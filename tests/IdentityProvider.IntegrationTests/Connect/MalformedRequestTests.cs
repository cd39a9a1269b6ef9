using System.Net;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.WebUtilities;
using static IdentityProvider.IntegrationTests.Connect.ProtocolTestSupport;

namespace IdentityProvider.IntegrationTests.Connect;

/// <summary>
/// Bad requests never yield a 500 and never send the browser somewhere that is not registered: requests
/// whose client or redirect URI cannot be trusted end on the provider's error page; the rest get the
/// OAuth error the specifications name.
/// </summary>
public class MalformedRequestTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private static string AuthorizeUrl(Dictionary<string, string?> query) => QueryHelpers.AddQueryString("/connect/authorize", query);

    private static Dictionary<string, string?> ValidWebQuery() => new()
    {
        ["client_id"] = "web",
        ["redirect_uri"] = TestData.WebRedirectUri,
        ["response_type"] = "code",
        ["scope"] = "openid profile",
        ["state"] = "s-123",
        ["nonce"] = "n-123",
    };

    private static Task<string> AuthorizationErrorAsync(ProviderClient client, string url) =>
        ProtocolTestSupport.AuthorizationErrorAsync(client, url, TestData.WebRedirectUri);

    [Fact]
    public async Task Authorize_UnknownClientId_ShowsErrorPageWithoutRedirect()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query["client_id"] = "no-such-client";

        using var response = await client.Http.GetAsync(AuthorizeUrl(query));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Null(response.Headers.Location);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(ErrorCodeOnPage(body)));
        Assert.Contains("client_id", body);
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_ShowsErrorPageWithoutRedirect()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query["redirect_uri"] = "https://evil.example/signin-oidc";

        using var response = await client.Http.GetAsync(AuthorizeUrl(query));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Null(response.Headers.Location);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.False(string.IsNullOrEmpty(ErrorCodeOnPage(body)));
        Assert.Contains("redirect_uri", body);
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUriWithSession_NeverRedirectsThere()
    {
        using var client = provider.CreateClient();
        await SignInWithPasswordAsync(client, UserStories.WebRequest(), "alice@example.com", TestData.AlicePassword);
        var query = ValidWebQuery();
        query["redirect_uri"] = TestData.WebRedirectUri + "/../../evil";

        using var response = await client.Http.GetAsync(AuthorizeUrl(query));

        Assert.Null(response.Headers.Location);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Authorize_MissingClientId_ShowsErrorPageWithoutRedirect()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query.Remove("client_id");

        using var response = await client.Http.GetAsync(AuthorizeUrl(query));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Null(response.Headers.Location);
        Assert.Equal("invalid_request", ErrorCodeOnPage(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_MissingResponseType_AnswersInvalidRequest()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query.Remove("response_type");

        Assert.Equal("invalid_request", await AuthorizationErrorAsync(client, AuthorizeUrl(query)));
    }

    [Fact]
    public async Task Authorize_ImplicitResponseTypeToken_AnswersUnsupportedResponseType()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query["response_type"] = "token";

        Assert.Equal("unsupported_response_type", await AuthorizationErrorAsync(client, AuthorizeUrl(query)));
    }

    [Fact]
    public async Task Authorize_HybridResponseType_AnswersUnsupportedResponseType()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query["response_type"] = "code id_token";

        Assert.Equal("unsupported_response_type", await AuthorizationErrorAsync(client, AuthorizeUrl(query)));
    }

    [Fact]
    public async Task Authorize_UnknownScope_AnswersInvalidScope()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query["scope"] = "unknown-scope";

        Assert.Equal("invalid_scope", await AuthorizationErrorAsync(client, AuthorizeUrl(query)));
    }

    [Fact]
    public async Task Authorize_OverlongState_NeverYields500()
    {
        using var client = provider.CreateClient();
        var query = ValidWebQuery();
        query["state"] = new string('s', 20_000);

        using var response = await client.Http.GetAsync(AuthorizeUrl(query));

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Token_UnknownGrantType_Answers400UnsupportedGrantType()
    {
        using var client = provider.CreateClient();

        var response = await TokenResponse.PostAsync(client.Http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "urn:example:no-such-grant",
            ["client_id"] = "web",
            ["client_secret"] = TestData.WebSecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unsupported_grant_type", response.Error);
    }

    [Fact]
    public async Task Token_PasswordGrant_IsNotSupported()
    {
        using var client = provider.CreateClient();

        var response = await TokenResponse.PostAsync(client.Http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "alice@example.com",
            ["password"] = TestData.AlicePassword,
            ["client_id"] = "web",
            ["client_secret"] = TestData.WebSecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unsupported_grant_type", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Token_MissingCode_Answers400InvalidRequestJson()
    {
        using var client = provider.CreateClient();

        using var response = await client.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = TestData.WebRedirectUri,
            ["client_id"] = "web",
            ["client_secret"] = TestData.WebSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_request", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_GarbageCode_Answers400InvalidGrant()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();

        var response = await TokenResponse.ExchangeCodeAsync(client.Http, request, "this-is-not-a-code", TestData.WebSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Token_GarbageRefreshToken_Answers400InvalidGrant()
    {
        using var client = provider.CreateClient();

        var response = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, "eyJhbGciOiJub25lIn0.e30.");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Token_CodeUsedTwice_SecondExchangeFailsWithInvalidGrant()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);
        var first = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var second = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("invalid_grant", second.Error);
        Assert.Null(second.AccessToken);
    }

    [Fact]
    public async Task Token_CodeUsedTwice_RevokesTokensOfFirstExchange()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);
        var first = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
        var refreshed = await TokenResponse.RefreshAsync(client.Http, "web", TestData.WebSecret, first.RefreshToken!);

        // RFC 6749 section 4.1.2: a replayed code means it leaked, so what it bought is revoked.
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task Token_CodeWithWrongRedirectUri_FailsWithInvalidGrant()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);

        var response = await TokenResponse.ExchangeCodeAsync(
            client.Http, request with { RedirectUri = "https://rp.example/other" }, page.Code, TestData.WebSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Token_CodeOfAnotherClient_FailsWithInvalidGrant()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);

        var response = await TokenResponse.ExchangeCodeAsync(
            client.Http, request with { ClientId = "spa" }, page.Code, clientSecret: null);

        Assert.True((int)response.Status is >= 400 and < 500, $"{(int)response.Status}: {response.Json}");
        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Token_ConfidentialClientWithoutSecret_FailsWithInvalidClient()
    {
        using var client = provider.CreateClient();
        var request = UserStories.WebRequest();
        var page = await SignInWithPasswordAsync(client, request, "alice@example.com", TestData.AlicePassword);

        var response = await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, clientSecret: null);

        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.Status}: {response.Json}");
        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.AccessToken);
    }
}
