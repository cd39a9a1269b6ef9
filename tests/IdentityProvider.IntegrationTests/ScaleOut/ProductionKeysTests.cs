using IdentityProvider.Settings;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.IntegrationTests.ScaleOut;

/// <summary>What an operator gets in Production: certificates from files, and no development keys by accident.</summary>
public sealed class ProductionKeysTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("idp-production-keys-").FullName;

    [Fact]
    public async Task Start_ProductionWithoutCertificates_RefusesNamingTheKey()
    {
        await using var factory = new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync("production_refuses"))
        {
            EnvironmentName = "Production",
        };

        var error = Record.Exception(() => factory.Server);

        var configurationError = Assert.IsType<InvalidConfigurationException>(Innermost(error));
        Assert.Equal("Keys:SigningCertificates", configurationError.Key);
    }

    [Fact]
    public async Task Start_ProductionWithTwoSigningCertificates_PublishesBothAndSignsWithTheNewest()
    {
        var older = TestCertificates.Create("older", DateTimeOffset.UtcNow.AddDays(-60));
        var newer = TestCertificates.Create("newer", DateTimeOffset.UtcNow.AddDays(-1));
        File.WriteAllBytes(Path.Combine(folder, "older.pfx"), older.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw"));
        File.WriteAllBytes(Path.Combine(folder, "newer.pfx"), newer.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw"));
        var (encryption, encryptionKey) = TestCertificates.WritePem(folder, "encryption", DateTimeOffset.UtcNow.AddDays(-1));
        await using var factory = new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync("production_keys"), new Dictionary<string, string?>
        {
            ["Keys:SigningCertificates:0:Path"] = Path.Combine(folder, "older.pfx"),
            ["Keys:SigningCertificates:0:Password"] = "pw",
            ["Keys:SigningCertificates:1:Path"] = Path.Combine(folder, "newer.pfx"),
            ["Keys:SigningCertificates:1:Password"] = "pw",
            ["Keys:EncryptionCertificates:0:Path"] = encryption,
            ["Keys:EncryptionCertificates:0:KeyPath"] = encryptionKey,
        })
        {
            EnvironmentName = "Production",
        };
        using var client = factory.CreateProviderClient();

        var tokens = await UserStories.AliceTokensAsync(client);
        var jwks = new JsonWebKeySet(await client.Http.GetStringAsync("/.well-known/jwks"));

        Assert.Equal(2, jwks.Keys.Count);
        Assert.True(await ValidatesWith(tokens.AccessToken!, new X509SecurityKey(newer)));
        Assert.False(await ValidatesWith(tokens.AccessToken!, new X509SecurityKey(older)));
        Assert.All(jwks.GetSigningKeys(), key => Assert.False(key is RsaSecurityKey { PrivateKeyStatus: PrivateKeyStatus.Exists }));
    }

    [Fact]
    public async Task DataProtectionKeys_WithCertificate_AreStoredEncrypted()
    {
        var certificate = TestCertificates.WritePfx(folder, "dataprotection", "pw", DateTimeOffset.UtcNow.AddDays(-1));
        await using var factory = new ProviderFactory(DatabaseProvider.Postgres, await SharedPostgres.CreateDatabaseAsync("dp_certificate"), new Dictionary<string, string?>
        {
            ["Keys:DataProtectionCertificates:0:Path"] = certificate,
            ["Keys:DataProtectionCertificates:0:Password"] = "pw",
        });
        using var client = factory.CreateProviderClient();

        // A sign-in uses Data Protection (cookies, antiforgery), so the key ring exists afterwards.
        Assert.NotNull((await UserStories.AliceTokensAsync(client)).AccessToken);
        var keys = await factory.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("encryptedSecret", key.Xml);
            Assert.DoesNotContain("<masterKey", key.Xml);
        });
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<bool> ValidatesWith(string token, SecurityKey key) =>
        (await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = true,
        })).IsValid;

    private static Exception? Innermost(Exception? error)
    {
        while (error?.InnerException is not null && error is not InvalidConfigurationException)
        {
            error = error.InnerException;
        }

        return error;
    }
}
