using System.Net;
using IdentityProvider.Settings;

namespace IdentityProvider.Testing;

/// <summary>
/// A second instance of this provider on real Kestrel (loopback), playing a corporate OpenID Connect provider that the
/// provider under test signs users in with: real discovery, PKCE, code exchange and token validation over HTTP.
/// Its issuer follows the address it is called by, so <see cref="Address"/> (127.0.0.1) and <see cref="AliasAddress"/>
/// (localhost) are two upstreams to the provider under test.
/// </summary>
public sealed class UpstreamProvider : IAsyncDisposable
{
    public const string ClientId = "downstream";
    public const string ClientSecret = "downstream-client-secret-value";

    private UpstreamProvider(ProviderFactory factory, int port)
    {
        Factory = factory;
        Address = new Uri($"http://127.0.0.1:{port}/");
        AliasAddress = new Uri($"http://localhost:{port}/");
    }

    public ProviderFactory Factory { get; }

    public Uri Address { get; }

    public Uri AliasAddress { get; }

    /// <summary>A port for an upstream started later (its address can go into the settings of the provider under test first).</summary>
    public static int ReservePort() => FreePort.Next();

    /// <summary>Starts the upstream with the client <c>downstream</c> allowed to come back to each of <paramref name="redirectUris"/>.</summary>
    public static async Task<UpstreamProvider> StartAsync(IEnumerable<Uri> redirectUris, int? port = null)
    {
        var listenOn = port ?? FreePort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Seed:Clients:9:ClientId"] = ClientId,
            ["Seed:Clients:9:ClientSecret"] = ClientSecret,
            ["Seed:Clients:9:DisplayName"] = "The provider under test",
            ["Seed:Clients:9:GrantTypes:0"] = "authorization_code",
            ["Seed:Clients:9:Scopes:0"] = "openid",
            ["Seed:Clients:9:Scopes:1"] = "profile",
            ["Seed:Clients:9:Scopes:2"] = "email",
            ["Seed:Clients:9:ConsentType"] = "implicit",
        };
        foreach (var (uri, index) in redirectUris.Select((uri, index) => (uri, index)))
        {
            settings[$"Seed:Clients:9:RedirectUris:{index}"] = uri.ToString();
        }

        var factory = new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync("upstream"), settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, listenOn));
        factory.StartServer();
        return new UpstreamProvider(factory, listenOn);
    }

    /// <summary>The settings that make the provider under test offer this upstream as <paramref name="id"/>.</summary>
    /// <param name="index">The position in <c>ExternalProviders</c>.</param>
    /// <param name="authority"><see cref="Address"/>, or <see cref="AliasAddress"/> for a second upstream.</param>
    public static Dictionary<string, string?> ProviderSettings(
        int index, string id, string name, Uri authority, bool allowRegistration) => new()
    {
        [$"ExternalProviders:{index}:Id"] = id,
        [$"ExternalProviders:{index}:Name"] = name,
        [$"ExternalProviders:{index}:Authority"] = authority.ToString(),
        [$"ExternalProviders:{index}:ClientId"] = ClientId,
        [$"ExternalProviders:{index}:ClientSecret"] = ClientSecret,
        [$"ExternalProviders:{index}:AllowRegistration"] = allowRegistration ? "true" : "false",
    };

    /// <summary>A client of the upstream that keeps its cookies, as the person's browser does.</summary>
    public ProviderClient CreateBrowser(Uri address) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address });

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
