using System.Net;
using IdentityProvider.Settings;
using IdentityProvider.TestRelyingParty;

namespace IdentityProvider.Testing;

/// <summary>
/// The provider on real Kestrel (loopback, a free port) with the client <c>rp</c> registered, and the test
/// relying party (Microsoft's OpenID Connect handler) on another free port pointing at it.
/// </summary>
public sealed class RelyingPartyRig : IAsyncDisposable
{
    public const string ClientId = "rp";
    public const string ClientSecret = "rp-client-secret-value";

    private RelyingPartyRig(ProviderFactory provider, Uri providerAddress, RelyingPartyHost relyingParty)
    {
        Provider = provider;
        ProviderAddress = providerAddress;
        RelyingParty = relyingParty;
    }

    public ProviderFactory Provider { get; }

    /// <summary>The provider's base address, also its issuer, e.g. http://127.0.0.1:41234/ (http://localhost:41234/ for passkeys).</summary>
    public Uri ProviderAddress { get; }

    public RelyingPartyHost RelyingParty { get; }

    public Uri RelyingPartyAddress => RelyingParty.BaseAddress;

    /// <param name="extraSettings">More provider settings (e.g. a mail server), added to the rig's own.</param>
    /// <param name="providerOnLocalhost">
    /// The provider at http://localhost:{port}/ (listening on both loopback addresses) rather than 127.0.0.1: its issuer's
    /// host is the passkeys' relying party id, which WebAuthn refuses to be an IP address, and Chromium counts localhost as
    /// a secure context over plain http. The relying party stays on 127.0.0.1, another site than the provider's.
    /// </param>
    public static async Task<RelyingPartyRig> StartAsync(
        DatabaseProvider database, IReadOnlyDictionary<string, string?>? extraSettings = null, bool providerOnLocalhost = false)
    {
        // Why: a free port can be taken by another process before we bind it; a fresh pair of ports
        // (and a fresh database, since the client's URIs are seeded once) covers that race.
        for (var attempt = 1; ; attempt++)
        {
            ProviderFactory? provider = null;
            try
            {
                var providerPort = FreePort.Next();
                var relyingPartyPort = FreePort.Next();
                var providerAddress = new Uri($"http://{(providerOnLocalhost ? "localhost" : "127.0.0.1")}:{providerPort}/");
                var relyingPartyAddress = new Uri($"http://127.0.0.1:{relyingPartyPort}/");

                var settings = Settings(providerAddress, relyingPartyAddress);
                foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
                {
                    settings[key] = value;
                }

                provider = new ProviderFactory(database, await NewDatabaseAsync(database), settings);
                provider.UseKestrel(options =>
                {
                    if (providerOnLocalhost)
                    {
                        // Why: a browser may try ::1 before 127.0.0.1 for localhost.
                        options.ListenLocalhost(providerPort);
                    }
                    else
                    {
                        options.Listen(IPAddress.Loopback, providerPort);
                    }
                });
                provider.StartServer();

                var relyingParty = await RelyingPartyHost.StartAsync(
                    new RelyingPartyOptions(providerAddress, ClientId, ClientSecret, relyingPartyAddress));
                return new RelyingPartyRig(provider, providerAddress, relyingParty);
            }
            catch (Exception e) when (attempt < 3 && IsAddressInUse(e))
            {
                if (provider is not null)
                {
                    await provider.DisposeAsync();
                }
            }
            catch
            {
                if (provider is not null)
                {
                    await provider.DisposeAsync();
                }

                throw;
            }
        }
    }

    /// <summary>A client that behaves like a browser without JavaScript: cookies for both hosts, redirects followed.</summary>
    public static HttpClient NewBrowserlikeClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true, MaxAutomaticRedirections = 20 });

    public async ValueTask DisposeAsync()
    {
        await RelyingParty.DisposeAsync();
        await Provider.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(Uri providerAddress, Uri relyingPartyAddress)
    {
        var rp = relyingPartyAddress.GetLeftPart(UriPartial.Authority);
        // Index 9: beyond the clients TestData seeds, so they stay as they are.
        return new Dictionary<string, string?>
        {
            ["Server:Issuer"] = providerAddress.ToString(),
            ["Seed:Clients:9:ClientId"] = ClientId,
            ["Seed:Clients:9:ClientSecret"] = ClientSecret,
            ["Seed:Clients:9:DisplayName"] = "Test relying party",
            ["Seed:Clients:9:RedirectUris:0"] = rp + RelyingPartyHost.RedirectPath,
            ["Seed:Clients:9:PostLogoutRedirectUris:0"] = rp + RelyingPartyHost.PostLogoutPath,
            ["Seed:Clients:9:GrantTypes:0"] = "authorization_code",
            ["Seed:Clients:9:GrantTypes:1"] = "refresh_token",
            ["Seed:Clients:9:Scopes:0"] = "openid",
            ["Seed:Clients:9:Scopes:1"] = "profile",
            ["Seed:Clients:9:Scopes:2"] = "email",
            ["Seed:Clients:9:Scopes:3"] = "offline_access",
            ["Seed:Clients:9:ConsentType"] = "implicit",
        };
    }

    private static async Task<string> NewDatabaseAsync(DatabaseProvider database) => database == DatabaseProvider.Postgres
        ? await SharedPostgres.CreateDatabaseAsync("relying_party")
        : $"Data Source={Path.Combine(Path.GetTempPath(), $"idp-rp-test-{Guid.NewGuid():N}.db")}";

    private static bool IsAddressInUse(Exception e) =>
        e is IOException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } }
        || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
        || (e.InnerException is { } inner && IsAddressInUse(inner));
}
