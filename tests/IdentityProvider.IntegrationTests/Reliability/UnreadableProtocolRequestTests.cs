using System.Net;
using System.Text;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>A provider of its own, so its log lines are these tests' alone.</summary>
public sealed class UnreadableRequestFixture : ProviderFixture;

/// <summary>
/// Requests the framework cannot read, or that carry a NUL, get a clear OAuth error (or the error page for a
/// browser), one log line without a stack trace, and never reach PostgreSQL (which answered NUL with an error
/// that looked like an outage).
/// </summary>
public class UnreadableProtocolRequestTests(UnreadableRequestFixture provider) : IClassFixture<UnreadableRequestFixture>
{
    public static TheoryData<string, string> UnreadableForms => new()
    {
        { "/connect/token", "grant_type=client_credentials&client_id=abc%00&client_secret=x" },
        { "/connect/token", string.Join('&', Enumerable.Range(0, 2000).Select(index => $"f{index}=v")) },
        { "/connect/token", new string('k', 3000) + "=v&grant_type=client_credentials" },
        { "/connect/token", "grant_type=client_credentials&client_id=" + new string('a', 5 * 1024 * 1024) },
        { "/connect/introspect", "token=abc%00" },
        { "/connect/revoke", string.Join('&', Enumerable.Range(0, 2000).Select(index => $"f{index}=v")) },
        { "/connect/userinfo", "access_token=abc%00" },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task ProtocolPost_UnreadableOrNul_InvalidRequestJson_NoStackTraceLogged(string path, string body)
    {
        using var http = provider.Factory.CreateClient();

        using var response = await http.PostAsync(path, new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.DoesNotContain(provider.Factory.Logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=web%00&redirect_uri=https%3A%2F%2Frp.example%2Fsignin-oidc&response_type=code&scope=openid")]
    [InlineData("/connect/authorize?client_id=web&redirect_uri=https%3A%2F%2Frp.example%2Fsignin-oidc&response_type=code&scope=openid%00profile")]
    [InlineData("/connect/endsession?client_id=web%00")]
    public async Task BrowserRequest_WithNul_BadRequestPage_NotAnOutage(string url)
    {
        using var client = provider.CreateClient();

        var page = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("database", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ConsentPage_ReturnUrlWithNul_BadRequest_NotAnOutage()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var page = await ConsentPage.TryOpenAsync(client, "/connect/authorize?client_id=spa%00&scope=openid");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("database", page.Text, StringComparison.OrdinalIgnoreCase);
    }
}
