using System.Net;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// A provider behind a proxy, as the in-memory test server cannot be: a startup filter takes the TCP peer's address
/// from a test header (<see cref="PeerHeader"/>), as Kestrel would from the connection.
/// </summary>
public sealed class PeerAwareProvider : IAsyncDisposable
{
    public const string PeerHeader = "X-Test-Peer";

    private readonly ProviderFactory factory;
    private readonly WebApplicationFactory<Program> withPeers;

    private PeerAwareProvider(ProviderFactory factory)
    {
        this.factory = factory;
        withPeers = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerAddressFilter>()));
        _ = withPeers.Server;
    }

    public static async Task<PeerAwareProvider> StartAsync(string name, Dictionary<string, string?> settings, string environment = "Testing") =>
        new(new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync(name), settings) { EnvironmentName = environment });

    /// <summary>A browser connecting from <paramref name="peer"/> and sending <paramref name="headers"/> with every request.</summary>
    public ProviderClient Browser(string peer, params (string Name, string Value)[] headers)
    {
        var http = withPeers.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.Add(PeerHeader, peer);
        foreach (var (name, value) in headers)
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        return new ProviderClient(http);
    }

    public async ValueTask DisposeAsync()
    {
        await withPeers.DisposeAsync();
        await factory.DisposeAsync();
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A provider that allows 3 sign-in posts a minute per client address and believes X-Forwarded-For only from the proxy 10.0.0.1.</summary>
public sealed class ForwardedForFixture : IAsyncLifetime
{
    public const string TrustedProxy = "10.0.0.1";

    private PeerAwareProvider? provider;

    public async Task InitializeAsync() =>
        provider = await PeerAwareProvider.StartAsync(nameof(ForwardedForFixture), new Dictionary<string, string?>
        {
            ["RateLimiting:SignInPerMinute"] = "3",
            ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
        });

    /// <summary>A browser connecting from <paramref name="peer"/> and sending <paramref name="forwardedFor"/>.</summary>
    public ProviderClient Browser(string peer, string forwardedFor) => provider!.Browser(peer, ("X-Forwarded-For", forwardedFor));

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }
}

/// <summary>
/// X-Forwarded-For spoofing against the rate limiter: rotating the header escapes nothing unless the sender is the
/// trusted proxy, and behind the proxy only the address the proxy itself appended counts.
/// </summary>
public sealed class ForwardedForRateLimitTests(ForwardedForFixture provider) : IClassFixture<ForwardedForFixture>
{
    [Fact]
    public async Task UntrustedSender_RotatingForwardedFor_StillLimited()
    {
        var statuses = await SignInPostsAsync(attempt => provider.Browser("203.0.113.7", $"198.51.100.{attempt}"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TrustedProxy_SpoofedEntriesBeforeTheProxysOwn_StillLimited()
    {
        var statuses = await SignInPostsAsync(attempt => provider.Browser(ForwardedForFixture.TrustedProxy, $"192.0.2.{attempt}, 203.0.113.8"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TrustedProxy_DistinctClients_EachHasItsOwnLimit()
    {
        var statuses = await SignInPostsAsync(attempt => provider.Browser(ForwardedForFixture.TrustedProxy, $"203.0.113.{20 + attempt}"));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task<List<HttpStatusCode>> SignInPostsAsync(Func<int, ProviderClient> browser)
    {
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var client = browser(attempt);
            var login = await LoginPage.OpenAsync(client);
            statuses.Add((await login.SignInAsync("nobody@example.com", "wrong-password")).Status);
        }

        return statuses;
    }
}
