using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>A provider that requires HTTPS, as in production.</summary>
public sealed class HttpsProviderFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Server:RequireHttps"] = "true" };
}

/// <summary>What a browser is told over HTTPS: stay on HTTPS (HSTS), and send every cookie only over HTTPS.</summary>
public class HttpsHeaderTests(HttpsProviderFixture provider) : IClassFixture<HttpsProviderFixture>
{
    private HttpClient HttpsClient() =>
        provider.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://idp.example"), AllowAutoRedirect = false });

    [Fact]
    public async Task HttpsAnswer_OutsideDevelopment_CarriesHsts()
    {
        using var http = HttpsClient();

        using var response = await http.GetAsync(LoginPage.Path);

        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var values), "No Strict-Transport-Security header.");
        Assert.Contains("max-age=31536000", values!.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_AntiforgeryCookie_IsSecure()
    {
        using var http = HttpsClient();

        using var response = await http.GetAsync(LoginPage.Path);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var antiforgery = Assert.Single(cookies, cookie => cookie.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
