using System.Net;
using IdentityProvider.Settings;
using IdentityProvider.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.ScaleOut;

/// <summary>
/// Two provider instances on one PostgreSQL database, as behind a load balancer, and a browser whose
/// cookies go to whichever instance answers.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly CookieContainer browserCookies = new();

    /// <summary>A public client for scripts' personal access tokens.</summary>
    public const string ScriptClient = "cli";

    private static readonly Dictionary<string, string?> Settings =
        new(TestData.TokenClient(3, ScriptClient, null, "api")) { ["Tokens:AllowSignInByToken"] = "true" };

    public ProviderFactory A { get; private set; } = null!;

    public ProviderFactory B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("scale_out");
        A = new ProviderFactory(DatabaseProvider.Postgres, connectionString, Settings);
        _ = A.Server;
        B = new ProviderFactory(DatabaseProvider.Postgres, connectionString, Settings);
        _ = B.Server;
    }

    /// <summary>A client of one instance that shares the browser's cookie jar with the other.</summary>
    public ProviderClient Browser(ProviderFactory instance) =>
        new(instance.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browserCookies)));

    /// <summary>Moves both instances' clocks together (each factory has its own).</summary>
    public void Advance(TimeSpan by)
    {
        A.Clock.Advance(by);
        B.Clock.Advance(by);
    }

    public T Service<T>(ProviderFactory instance, out IServiceScope scope)
        where T : notnull
    {
        scope = instance.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
