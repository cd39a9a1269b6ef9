using System.Net;
using System.Security.Cryptography.X509Certificates;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using Microsoft.AspNetCore.Hosting;

namespace IdentityProvider.ConformanceTests;

/// <summary>Every conformance plan shares one provider and one Chromium, as the Foundation's suite shares one deployment.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<SuiteProvider>
{
    public const string Name = "Conformance";
}

/// <summary>
/// The provider as the suite meets a deployment: HTTPS on Kestrel (a self-signed certificate the suite's clients pin),
/// <c>Server:RequireHttps</c> on, PostgreSQL, and the suite's static clients registered as an operator would seed them.
/// </summary>
public sealed class SuiteProvider : IAsyncLifetime
{
    private ProviderFactory? factory;
    private BrowserSession? browser;
    private X509Certificate2? certificate;
    private SuiteServer? suite;

    public ProviderFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    public BrowserSession Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The suite's web server: its redirect and post-logout addresses.</summary>
    public SuiteServer Suite => suite ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The issuer, e.g. <c>https://127.0.0.1:41234/</c>; discovery is under it.</summary>
    public Uri Issuer { get; private set; } = new("https://127.0.0.1/");

    public TestClock Clock => Factory.Clock;

    /// <summary>A back channel that trusts exactly the provider's certificate, for the suite's direct requests.</summary>
    public HttpClient NewBackChannel() =>
        new(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate!.Thumbprint,
        })
        { Timeout = TimeSpan.FromSeconds(20) };

    public async Task InitializeAsync()
    {
        certificate = TestCertificates.Create("127.0.0.1", DateTimeOffset.UtcNow.AddDays(-1));
        suite = await SuiteServer.StartAsync(certificate);
        var port = FreePort.Next();
        Issuer = new Uri($"https://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string?>
        {
            ["Server:Issuer"] = Issuer.ToString(),
            ["Server:RequireHttps"] = "true",
        };
        foreach (var (client, index) in SuiteClients.All.Select((client, index) => (client, index + 11)))
        {
            foreach (var (key, value) in client.Seed(index, suite))
            {
                settings[key] = value;
            }
        }

        factory = new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync("conformance"), settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        factory.StartServer();
        browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (suite is not null)
        {
            await suite.DisposeAsync();
        }

        certificate?.Dispose();
    }
}
