using IdentityProvider.Settings;
using IdentityProvider.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace IdentityProvider.UnitTests.Hosting;

/// <summary>Production keys: certificates from files, and no development keys by accident.</summary>
public sealed class KeySettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("idp-keys-").FullName;

    [Fact]
    public void Load_ProductionWithoutCertificates_RefusesNamingTheKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => KeySettings.Load(Configuration([]), Environment("Production")));

        Assert.Equal("Keys:SigningCertificates", error.Key);
        Assert.Contains("Keys:AllowDevelopmentKeys", error.Message);
    }

    [Fact]
    public void Load_ProductionWithDevelopmentKeysAllowed_UsesDevelopmentKeys()
    {
        var settings = KeySettings.Load(Configuration(new() { ["Keys:AllowDevelopmentKeys"] = "true" }), Environment("Production"));

        Assert.True(settings.UsesDevelopmentKeys);
    }

    [Fact]
    public void Load_DevelopmentWithoutCertificates_UsesDevelopmentKeys()
    {
        Assert.True(KeySettings.Load(Configuration([]), Environment("Development")).UsesDevelopmentKeys);
    }

    [Fact]
    public void Load_PfxAndPemCertificates_LoadsAllNewestFirst()
    {
        var older = TestCertificates.WritePfx(folder, "older", "pw-1", DateTimeOffset.UtcNow.AddDays(-30));
        var newer = TestCertificates.WritePfx(folder, "newer", "pw-2", DateTimeOffset.UtcNow.AddDays(-1));
        var (pem, key) = TestCertificates.WritePem(folder, "encryption", DateTimeOffset.UtcNow.AddDays(-1));

        var settings = KeySettings.Load(Configuration(new()
        {
            ["Keys:SigningCertificates:0:Path"] = older,
            ["Keys:SigningCertificates:0:Password"] = "pw-1",
            ["Keys:SigningCertificates:1:Path"] = newer,
            ["Keys:SigningCertificates:1:Password"] = "pw-2",
            ["Keys:EncryptionCertificates:0:Path"] = pem,
            ["Keys:EncryptionCertificates:0:KeyPath"] = key,
        }), Environment("Production"));

        Assert.False(settings.UsesDevelopmentKeys);
        Assert.Equal(["CN=newer", "CN=older"], settings.SigningCertificates.Select(certificate => certificate.Subject));
        Assert.True(settings.EncryptionCertificates.Single().HasPrivateKey);
    }

    [Fact]
    public void Load_MissingCertificateFile_NamesTheKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => KeySettings.Load(Configuration(new()
        {
            ["Keys:SigningCertificates:0:Path"] = Path.Combine(folder, "absent.pfx"),
        }), Environment("Production")));

        Assert.Equal("Keys:SigningCertificates:0:Path", error.Key);
    }

    [Fact]
    public void Load_WrongPfxPassword_NamesTheKey()
    {
        var path = TestCertificates.WritePfx(folder, "signing", "right", DateTimeOffset.UtcNow.AddDays(-1));

        var error = Assert.Throws<InvalidConfigurationException>(() => KeySettings.Load(Configuration(new()
        {
            ["Keys:SigningCertificates:0:Path"] = path,
            ["Keys:SigningCertificates:0:Password"] = "wrong",
        }), Environment("Production")));

        Assert.Equal("Keys:SigningCertificates:0:Path", error.Key);
    }

    [Fact]
    public void Load_SigningWithoutEncryptionCertificate_Refuses()
    {
        var path = TestCertificates.WritePfx(folder, "signing", "pw", DateTimeOffset.UtcNow.AddDays(-1));

        var error = Assert.Throws<InvalidConfigurationException>(() => KeySettings.Load(Configuration(new()
        {
            ["Keys:SigningCertificates:0:Path"] = path,
            ["Keys:SigningCertificates:0:Password"] = "pw",
        }), Environment("Production")));

        Assert.Equal("Keys:EncryptionCertificates", error.Key);
    }

    [Fact]
    public void ForwardedHeaders_BadProxyAddress_NamesTheKey()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() =>
            ForwardedHeadersSettings.Load(Configuration(new() { ["ForwardedHeaders:KnownProxies:0"] = "proxy.local" })));

        Assert.Equal("ForwardedHeaders:KnownProxies", error.Key);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static IHostEnvironment Environment(string name) => new Host(name);

    private sealed record Host(string EnvironmentName) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = EnvironmentName;

        public string ApplicationName { get; set; } = "IdentityProvider";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
