using System.Security.Cryptography.X509Certificates;

namespace IdentityProvider.Settings;

/// <summary>
/// <c>Keys:*</c>: production signing and encryption certificates (several at once for rotation: the newest
/// signs, all are published and accepted) and the certificate protecting Data Protection keys at rest.
/// </summary>
public sealed record KeySettings(
    X509Certificate2[] SigningCertificates,
    X509Certificate2[] EncryptionCertificates,
    X509Certificate2[] DataProtectionCertificates,
    bool AllowDevelopmentKeys)
{
    public bool UsesDevelopmentKeys => SigningCertificates.Length == 0;

    /// <summary>No certificate protects the Data Protection keys, and development keys are allowed: they stay readable in the database.</summary>
    public bool KeepsDataProtectionKeysUnencrypted => DataProtectionCertificates.Length == 0 && AllowDevelopmentKeys;

    public static KeySettings Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Keys");
        var settings = new KeySettings(
            CertificateFile.LoadAll(section.GetSection("SigningCertificates")),
            CertificateFile.LoadAll(section.GetSection("EncryptionCertificates")),
            CertificateFile.LoadAll(section.GetSection("DataProtectionCertificates")),
            SettingsReader.Bool(section, "AllowDevelopmentKeys", !environment.IsProduction()));

        if (settings.SigningCertificates.Length > 0 != settings.EncryptionCertificates.Length > 0)
        {
            throw new InvalidConfigurationException(
                settings.SigningCertificates.Length == 0 ? "Keys:SigningCertificates" : "Keys:EncryptionCertificates",
                "is required together with the other: configure both signing and encryption certificates.");
        }

        // Warning: development keys live in the database they protect; Production must not use them by accident.
        if (settings.UsesDevelopmentKeys && !settings.AllowDevelopmentKeys)
        {
            throw new InvalidConfigurationException("Keys:SigningCertificates",
                "is required in Production: development keys are refused unless Keys:AllowDevelopmentKeys is true.");
        }

        return settings;
    }
}
