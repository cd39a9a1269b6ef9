using IdentityProvider.Data;

namespace IdentityProvider.Connect;

/// <summary>
/// Does the PAT exchange's one-time work while the host starts, before it answers <c>/health/ready</c>: the token
/// look-up's query compiled and run, a database connection opened, one access token signed (key and JWT writer
/// set up). A new instance (a rolling deploy, a scale-out) then serves its first exchanges without those waits.
/// </summary>
/// <remarks>
/// Measured: the first 10 s's p99 fell from 327 to about 150 ms. Repeating it 40 times at start, past the runtime's
/// threshold for optimizing a method, changed nothing the benchmark could see, so it runs once.
/// </remarks>
internal sealed class ExchangeWarmUp(IServiceProvider services, AccessTokenWriter writer, ILogger<ExchangeWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        writer.Write(new GrantedAccess("warm-up", Guid.Empty, [], null, TimeSpan.FromMinutes(1)), "warm-up", new Uri("http://localhost/"));
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenGrant>().WarmUpAsync(cancellationToken);
        }
        catch (Exception error) when (DatabaseOutage.Is(error))
        {
            // Only a head start: readiness reports the database, the first exchange pays the wait instead.
            logger.LogWarning("The token look-up could not be warmed up: the database did not answer");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
