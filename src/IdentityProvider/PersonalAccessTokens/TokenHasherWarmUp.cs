namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// Loads the token hash key when the host starts: a bad <c>Tokens:HashKey</c> stops the start instead of
/// failing the first exchange, and the first exchange does not pay for the database read.
/// </summary>
internal sealed class TokenHasherWarmUp(TokenHasherSource source) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await source.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
