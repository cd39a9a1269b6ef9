using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdentityProvider.TestRelyingParty;

/// <summary>A relying party on real Kestrel, so browsers and HttpClients can reach it like any external app.</summary>
public sealed class RelyingPartyHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RelyingPartyHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string RedirectPath => "/signin-oidc";

    public static string PostLogoutPath => "/signout-callback-oidc";

    /// <summary>The query parameter of <c>/login</c> (and the challenge's item) with acr_values for that sign-in only.</summary>
    public const string AcrValuesItem = "acr_values";

    public static async Task<RelyingPartyHost> StartAsync(RelyingPartyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Own application name and content root: otherwise the test host's assembly and appsettings leak in.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RelyingPartyHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Development,
        });
        builder.WebHost.UseUrls(options.BaseAddress.GetLeftPart(UriPartial.Authority));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Keys live only as long as this host: nothing written to the user profile, no cross-test reuse.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddRelyingPartyAuthentication(options);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapRelyingPartyPages();
        await app.StartAsync();

        // Report the bound address, which also makes port 0 usable when the redirect URI need not be known upfront.
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return new RelyingPartyHost(app, bound is null ? options.BaseAddress : new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
