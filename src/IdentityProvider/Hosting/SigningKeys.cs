using System.Security.Cryptography;
using IdentityProvider.ServerSecrets;
using IdentityProvider.Settings;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Client;
using OpenIddict.Server;

namespace IdentityProvider.Hosting;

/// <summary>
/// The keys OpenIddict signs and encrypts tokens with. Production: the configured certificates (the newest
/// first; all published and accepted). Otherwise development keys, generated once and kept in the database,
/// so a restart does not invalidate issued tokens and every instance publishes the same JWKS.
/// </summary>
public sealed class SigningKeys(ProviderSettings settings)
{
    private IReadOnlyList<SigningCredentials> signing = [];
    private IReadOnlyList<EncryptingCredentials> encryption = [];

    public async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var keys = settings.Keys;
        if (!keys.UsesDevelopmentKeys)
        {
            signing = keys.SigningCertificates.Select(certificate => new X509SigningCredentials(certificate)).ToArray();
            encryption = keys.EncryptionCertificates.Select(certificate => (EncryptingCredentials)new X509EncryptingCredentials(certificate)).ToArray();
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ServerSecretStore>();

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(await store.GetOrCreateAsync("signing-key-rs256", () => RSA.Create(2048).ExportPkcs8PrivateKey(), cancellationToken), out _);
        var rsaCredentials = new SigningCredentials(WithKeyId(new RsaSecurityKey(rsa), rsa.ExportSubjectPublicKeyInfo()), SecurityAlgorithms.RsaSha256);

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(await store.GetOrCreateAsync("signing-key-es256", () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(), cancellationToken), out _);
        var ecdsaCredentials = new SigningCredentials(WithKeyId(new ECDsaSecurityKey(ecdsa), ecdsa.ExportSubjectPublicKeyInfo()), SecurityAlgorithms.EcdsaSha256);

        // OpenIddict signs with the first credential: the configured algorithm's key.
        signing = settings.Server.SigningAlgorithm == SigningAlgorithm.ES256
            ? [ecdsaCredentials, rsaCredentials]
            : [rsaCredentials, ecdsaCredentials];

        var symmetric = await store.GetOrCreateAsync("encryption-key", () => RandomNumberGenerator.GetBytes(32), cancellationToken);
        var encryptionKey = new SymmetricSecurityKey(symmetric) { KeyId = "enc-" + Convert.ToHexString(SHA256.HashData(symmetric))[..16] };
        encryption = [new EncryptingCredentials(encryptionKey, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512)];
    }

    internal void Apply(OpenIddictServerOptions options)
    {
        RequireLoaded();
        options.SigningCredentials.AddRange(signing);
        options.EncryptionCredentials.AddRange(encryption);
    }

    /// <summary>The client of external sign-in protects its state tokens (the upstream round trip) with the same keys.</summary>
    internal void Apply(OpenIddictClientOptions options)
    {
        RequireLoaded();
        options.SigningCredentials.AddRange(signing);
        options.EncryptionCredentials.AddRange(encryption);
    }

    private void RequireLoaded()
    {
        if (signing.Count == 0 || encryption.Count == 0)
        {
            throw new InvalidOperationException("Signing keys were not loaded before the first request.");
        }
    }

    private static SecurityKey WithKeyId(AsymmetricSecurityKey key, byte[] publicKey)
    {
        key.KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicKey)[..16]);
        return key;
    }
}
