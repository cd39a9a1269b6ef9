using IdentityProvider.ServerSecrets;
using IdentityProvider.Settings;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// Supplies the one <see cref="PersonalAccessTokenHasher"/> of this instance: its key comes from
/// <c>Tokens:HashKey</c> (base64, at least 32 bytes) when set, else from the database, generated once and
/// shared by every instance. Loaded once and kept, so an exchange never reads the key from the database.
/// </summary>
/// <remarks>
/// Warning: changing the key makes every existing personal access token unusable (their stored hashes no
/// longer match), so rotate it only to void all tokens at once.
/// </remarks>
public sealed class TokenHasherSource(ProviderSettings settings, IServiceScopeFactory scopes)
{
    private const string SecretName = "pat-hmac-key";

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile PersonalAccessTokenHasher? hasher;

    public async ValueTask<PersonalAccessTokenHasher> GetAsync(CancellationToken cancellationToken = default)
    {
        if (hasher is { } loaded)
        {
            return loaded;
        }

        // One loader at a time; a failed load (database down) is not cached, so the next request retries.
        await loading.WaitAsync(cancellationToken);
        try
        {
            return hasher ??= new PersonalAccessTokenHasher(await LoadKeyAsync(cancellationToken));
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        if (settings.Tokens.HashKey is { } configured)
        {
            return configured;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ServerSecretStore>()
            .GetOrCreateAsync(SecretName, PersonalAccessTokenHasher.GenerateKey, cancellationToken);
    }
}
