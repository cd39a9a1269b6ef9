using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityProvider.Settings;

/// <summary>
/// A certificate with its private key from a file: PFX/PKCS#12 (<c>Path</c> + <c>Password</c>) or PEM
/// (<c>Path</c> + <c>KeyPath</c>). Loaded while the settings are read, so a missing or unreadable file stops
/// the start with the key's name.
/// </summary>
public static class CertificateFile
{
    public static X509Certificate2 Load(IConfigurationSection section)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Path"), "is required.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Path"), $"names a file that does not exist ('{path}').");
        }

        try
        {
            var keyPath = section["KeyPath"];
            var certificate = string.IsNullOrWhiteSpace(keyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet)
                : X509Certificate2.CreateFromPemFile(path, keyPath);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidConfigurationException(SettingsReader.Key(section, "Path"), "holds a certificate without its private key.");
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException(SettingsReader.Key(section, "Path"), $"cannot be read as a certificate with its key: {error.Message}");
        }
    }

    public static X509Certificate2[] LoadAll(IConfigurationSection list) =>
        list.GetChildren().Select(Load).OrderByDescending(certificate => certificate.NotBefore).ToArray();
}
