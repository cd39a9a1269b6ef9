using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.IntegrationTests.ExternalSignIn;

/// <summary>A provider configured with the named integrations of OpenIddict.Client.WebIntegration (no network needed to start).</summary>
public sealed class NamedProviderFixture : SqliteProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ExternalProviders:0:Id"] = "github",
        ["ExternalProviders:0:Name"] = "GitHub",
        ["ExternalProviders:0:Provider"] = "GitHub",
        ["ExternalProviders:0:ClientId"] = "github-app",
        ["ExternalProviders:0:ClientSecret"] = "github-secret",
        ["ExternalProviders:1:Id"] = "yandex",
        ["ExternalProviders:1:Name"] = "Яндекс ID",
        ["ExternalProviders:1:Provider"] = "Yandex",
        ["ExternalProviders:1:ClientId"] = "yandex-app",
        ["ExternalProviders:1:ClientSecret"] = "yandex-secret",
    };
}

/// <summary>Named integrations are wired up at start and offered on the sign-in page; the press sends the browser to them.</summary>
public sealed class NamedProviderTests(NamedProviderFixture fixture) : IClassFixture<NamedProviderFixture>
{
    [Fact]
    public async Task SignInPage_OffersTheNamedProviders_AndGitHubsButtonLeadsToGitHub()
    {
        using var client = fixture.CreateClient();
        var login = await LoginPage.OpenAsync(client);

        var toGitHub = await login.SignInWithAsync("GitHub");

        Assert.Equal(["Sign in with GitHub", "Sign in with Яндекс ID"], login.ExternalButtons);
        Assert.Equal("github.com", toGitHub.ExternalRedirect?.Host);
        Assert.Contains("client_id=github-app", toGitHub.ExternalRedirect!.Query);
        Assert.Contains(Uri.EscapeDataString("http://localhost/signin/github/callback"), toGitHub.ExternalRedirect.Query);
    }
}
