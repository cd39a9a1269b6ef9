using IdentityProvider.Testing;

namespace IdentityProvider.IntegrationTests.ExternalSignIn;

/// <summary>
/// The provider under test (PostgreSQL, in memory) with three upstreams: "Corp SSO" (a second instance of this provider
/// on Kestrel, registration off), "Partner ID" (the same instance under its localhost address, another issuer,
/// registration on) and "Down" (nothing listens there).
/// </summary>
public sealed class ExternalSignInFixture : ProviderFixture
{
    public const string Corp = "corp";
    public const string CorpName = "Corp SSO";
    public const string Partner = "partner";
    public const string PartnerName = "Partner ID";
    public const string DownName = "Down";

    /// <summary>The provider under test as the upstream's client sees it (the in-memory test server's address).</summary>
    private static readonly Uri TestServer = new("http://localhost/");

    private UpstreamProvider? upstream;

    public UpstreamProvider Upstream => upstream ?? throw new InvalidOperationException("The fixture has not started.");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = UpstreamProvider.ProviderSettings(0, Corp, CorpName, Upstream.Address, allowRegistration: false);
            foreach (var (key, value) in UpstreamProvider.ProviderSettings(1, Partner, PartnerName, Upstream.AliasAddress, allowRegistration: true)
                .Concat(UpstreamProvider.ProviderSettings(2, "down", DownName, new Uri($"http://127.0.0.1:{UpstreamProvider.ReservePort()}/"), allowRegistration: true)))
            {
                settings[key] = value;
            }

            // Two free link attempts per address, so a test can show the delays reach this page too.
            settings["Lockout:FreeAttemptsPerAddress"] = "2";
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        upstream = await UpstreamProvider.StartAsync([new Uri(TestServer, $"signin/{Corp}/callback"), new Uri(TestServer, $"signin/{Partner}/callback")]);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (upstream is not null)
        {
            await upstream.DisposeAsync();
        }
    }
}
