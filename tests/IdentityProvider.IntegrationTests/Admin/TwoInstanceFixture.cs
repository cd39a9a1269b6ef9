using IdentityProvider.Settings;
using IdentityProvider.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// The fixture's provider (<see cref="ProviderFixture.Factory"/>, instance A) and a second instance B on the same
/// PostgreSQL database, as behind a load balancer: what one saves, the other must apply without a restart.
/// </summary>
public sealed class TwoInstanceFixture : ProviderFixture, IAsyncLifetime
{
    private ProviderFactory? second;

    public ProviderFactory A => Factory;

    public ProviderFactory B => second ?? throw new InvalidOperationException("The fixture has not started.");

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var connectionString = A.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default");
        second = new ProviderFactory(DatabaseProvider.Postgres, connectionString!, Settings);
        _ = second.Server;
    }

    public new async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
