using IdentityProvider.IntegrationTests.Reliability.HostileInput;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.IntegrationTests.Reliability.Headers;

/// <summary>
/// The provider as operators run it: Production, behind a TLS-terminating proxy at 10.0.0.2 that it trusts, which
/// forwards the scheme and the public host (HSTS is never sent for localhost).
/// </summary>
public sealed class ProductionProxyFixture : IAsyncLifetime
{
    public const string Proxy = "10.0.0.2";

    private PeerAwareProvider? provider;

    public async Task InitializeAsync() =>
        provider = await PeerAwareProvider.StartAsync(nameof(ProductionProxyFixture), new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
            // Production refuses keys kept in the database unless told; the headers do not depend on the keys.
            ["Keys:AllowDevelopmentKeys"] = "true",
        }, "Production");

    /// <summary>A request through the proxy (HTTPS to the proxy), or straight from <paramref name="peer"/> claiming it.</summary>
    public ProviderClient Browser(string peer = Proxy) => provider!.Browser(peer, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "idp.example"), ("X-Forwarded-For", "203.0.113.50"));

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }
}

/// <summary>
/// HSTS outside Development, page by page: every anonymous page, discovery and the token endpoint's answer carry
/// Strict-Transport-Security (with the other security headers) when served over HTTPS through the trusted proxy;
/// a client that only claims HTTPS itself gets none.
/// </summary>
public sealed class ProductionHeaderTests(ProductionProxyFixture provider) : IClassFixture<ProductionProxyFixture>
{
    /// <summary>Each path once: some page objects share a path (xUnit would skip the repeats with a warning).</summary>
    public static TheoryData<string> AnonymousPages() =>
    [
        .. PageCatalog.PageObjectTypes.Select(type => PageCatalog.PathOf(type, Ids))
            .Concat(PageCatalog.PagesWithoutPageObject)
            .Where(path => PageCatalog.VisitorOf(path) == Visitor.Anonymous)
            .Append(HostileEndpoints.Discovery)
            .Append(HostileEndpoints.Token)
            .Distinct(StringComparer.Ordinal),
    ];

    private static readonly Dictionary<string, string> Ids = new() { ["userId"] = "u", ["clientId"] = "c", ["name"] = "n", ["serial"] = "s" };

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task ThroughTheProxy_OverHttps_CarriesHstsAndTheSecurityHeaders(string path)
    {
        using var browser = provider.Browser();

        using var response = path == HostileEndpoints.Token
            ? await browser.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }))
            : await browser.Http.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{path}: no Strict-Transport-Security");
        Assert.Contains("max-age=31536000", hsts!.Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        if (path != HostileEndpoints.Token)
        {
            SecurityHeaderTests.AssertPageHeaders(response, path);
        }
    }

    [Fact]
    public async Task UntrustedSenderClaimingHttps_GetsNoHsts()
    {
        using var browser = provider.Browser(peer: "203.0.113.9");

        using var response = await browser.Http.GetAsync(LoginPage.Path);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
