using System.Net;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.IntegrationTests.Hosting;

/// <summary>A provider that allows 3 sign-in posts and 3 token requests per minute and address.</summary>
public sealed class RateLimitedFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:SignInPerMinute"] = "3",
        ["RateLimiting:TokenPerMinute"] = "3",
    };
}

/// <summary>Rate limiting per client address on the sign-in pages and the token endpoint, answering 429.</summary>
public class RateLimitingTests(RateLimitedFixture provider) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task SignInPost_FourthWithinAMinute_Returns429ProblemJson()
    {
        using var client = provider.CreateClient();
        var login = await LoginPage.OpenAsync(client);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await login.SignInAsync("nobody@example.com", "wrong-password");
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }

        var fourth = await login.SignInAsync("nobody@example.com", "wrong-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        Assert.Equal("application/problem+json", fourth.Response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(fourth.Body);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        // Pages (GET) are not limited: the form can still be shown.
        var page = await LoginPage.OpenAsync(client);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task TokenPost_FourthWithinAMinute_Returns429()
    {
        using var client = provider.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "service",
            ["client_secret"] = TestData.ServiceSecret,
            ["scope"] = "api",
        };

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var allowed = await TokenResponse.PostAsync(client.Http, "/connect/token", form);
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
            Assert.NotNull(allowed.AccessToken);
        }

        using var fourth = await client.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter is not null, "A 429 should say when to retry (Retry-After).");
        Assert.DoesNotContain("access_token", await fourth.Content.ReadAsStringAsync());
    }
}
