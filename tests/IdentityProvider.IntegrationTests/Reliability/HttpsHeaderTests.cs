using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>A provider that requires HTTPS, as in production.</summary>
public sealed class HttpsProviderFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Server:RequireHttps"] = "true" };
}

/// <summary>The same with its public address, the issuer, known.</summary>
public sealed class HttpsIssuerProviderFixture : ProviderFixture
{
    public const string Issuer = "https://idp.example/";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Server:RequireHttps"] = "true", ["Server:Issuer"] = Issuer };
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

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task PlainHttp_ToAPageWithAForm_Gets400SayingHttpsIsRequired_NeverA500(string method)
    {
        using var http = provider.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://idp.example"), AllowAutoRedirect = false });

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), LoginPage.Path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS only", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_HealthChecks_StayOpenForProbes()
    {
        using var http = provider.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://idp.example"), AllowAutoRedirect = false });

        using var response = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Plain HTTP when the issuer names the provider's https address.</summary>
public class HttpsRedirectTests(HttpsIssuerProviderFixture provider) : IClassFixture<HttpsIssuerProviderFixture>
{
    [Fact]
    public async Task PlainHttpGet_IsRedirectedToTheSamePageAtTheIssuer()
    {
        using var http = provider.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://10.0.0.7:8080"), AllowAutoRedirect = false });

        using var response = await http.GetAsync(LoginPage.Path + "?ReturnUrl=%2F");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri(new Uri(HttpsIssuerProviderFixture.Issuer), LoginPage.Path + "?ReturnUrl=%2F"), response.Headers.Location);
    }
}
