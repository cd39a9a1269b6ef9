using System.Security.Cryptography;
using IdentityProvider.Hosting.Settings;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace IdentityProvider.Hosting;

/// <summary>
/// The keys OpenIddict signs and encrypts tokens with. Development keys are generated once and kept in
/// the database, so a restart does not invalidate issued tokens and every instance publishes the same JWKS.
/// </summary>
public sealed class SigningKeys
{
    private SecurityKey? rsaKey;
    private SecurityKey? ecdsaKey;
    private SymmetricSecurityKey? encryptionKey;

    public async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ServerSecretStore>();

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(await store.GetOrCreateAsync("signing-key-rs256", () => RSA.Create(2048).ExportPkcs8PrivateKey(), cancellationToken), out _);
        rsaKey = WithKeyId(new RsaSecurityKey(rsa), rsa.ExportSubjectPublicKeyInfo());

        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(await store.GetOrCreateAsync("signing-key-es256", () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(), cancellationToken), out _);
        ecdsaKey = WithKeyId(new ECDsaSecurityKey(ecdsa), ecdsa.ExportSubjectPublicKeyInfo());

        var symmetric = await store.GetOrCreateAsync("encryption-key", () => RandomNumberGenerator.GetBytes(32), cancellationToken);
        encryptionKey = new SymmetricSecurityKey(symmetric) { KeyId = "enc-" + Convert.ToHexString(SHA256.HashData(symmetric))[..16] };
    }

    /// <summary>Puts the configured algorithm's key first: OpenIddict signs with the first credential.</summary>
    internal void Apply(OpenIddictServerOptions options, SigningAlgorithm algorithm)
    {
        if (rsaKey is null || ecdsaKey is null || encryptionKey is null)
        {
            throw new InvalidOperationException("Signing keys were not loaded before the first request.");
        }

        var rsaCredentials = new SigningCredentials(rsaKey, SecurityAlgorithms.RsaSha256);
        var ecdsaCredentials = new SigningCredentials(ecdsaKey, SecurityAlgorithms.EcdsaSha256);
        options.SigningCredentials.AddRange(algorithm == SigningAlgorithm.ES256
            ? [ecdsaCredentials, rsaCredentials]
            : [rsaCredentials, ecdsaCredentials]);
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            encryptionKey, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static SecurityKey WithKeyId(AsymmetricSecurityKey key, byte[] publicKey)
    {
        key.KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicKey)[..16]);
        return key;
    }
}
