using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>
/// The exchange exactly as the README's curl line sends it: a plain HttpClient, no cookies, no antiforgery,
/// one hand-written application/x-www-form-urlencoded body.
/// </summary>
public class ScriptExchangeTests(TokenFixture provider) : IClassFixture<TokenFixture>
{
    [Fact]
    public async Task Script_PostsFormLikeCurl_GetsABearerTokenItCanUse()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var token = await TokenSteps.IssueAsync(provider.Factory, user.Id);
        using var http = PlainClient();

        var (status, json, response) = await CurlAsync(http, token.Secret);

        Assert.True(status == HttpStatusCode.OK, json.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        var accessToken = json.GetProperty("access_token").GetString()!;
        var validation = await ResourceServer.ValidateAsync(http, accessToken);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(user.Id, validation.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(token.Id.ToString(), validation.ClaimsIdentity.FindFirst("pat_id")?.Value);
    }

    [Fact]
    public async Task Script_TokenWithTypo_GetsJsonErrorNot500()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        var token = await TokenSteps.IssueAsync(provider.Factory, user.Id);
        using var http = PlainClient();

        var (status, json, _) = await CurlAsync(http, token.Secret[..^1]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", json.GetProperty("error").GetString());
        Assert.Contains("malformed", json.GetProperty("error_description").GetString());
    }

    /// <summary>No cookie container, no redirects: nothing a script would not have.</summary>
    private HttpClient PlainClient() =>
        new(provider.Factory.Server.CreateHandler()) { BaseAddress = provider.Factory.Server.BaseAddress };

    /// <summary>
    /// <c>curl $IDP/connect/token -d grant_type=urn:...:personal_access_token -d "token=$IDP_TOKEN" -d client_id=cli</c>:
    /// curl joins the -d values with '&amp;' as they are (no encoding; a token is base62) and adds these headers.
    /// </summary>
    private static async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> CurlAsync(HttpClient http, string token)
    {
        var body = $"grant_type={PersonalAccessTokenProtocol.GrantType}&token={token}&client_id={TokenFixture.Client}";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = content };
        request.Headers.UserAgent.ParseAdd("curl/8.5.0");
        request.Headers.Accept.ParseAdd("*/*");
        var response = await http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, json, response);
    }
}
