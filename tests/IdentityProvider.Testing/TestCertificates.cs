using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdentityProvider.Testing;

/// <summary>Self-signed RSA certificates written to files, as an operator would provide them.</summary>
public static class TestCertificates
{
    public static string WritePfx(string folder, string name, string password, DateTimeOffset notBefore)
    {
        using var certificate = Create(name, notBefore);
        var path = Path.Combine(folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    public static (string CertificatePath, string KeyPath) WritePem(string folder, string name, DateTimeOffset notBefore)
    {
        using var certificate = Create(name, notBefore);
        var certificatePath = Path.Combine(folder, name + ".crt");
        var keyPath = Path.Combine(folder, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public static X509Certificate2 Create(string name, DateTimeOffset notBefore)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        return request.CreateSelfSigned(notBefore, notBefore.AddYears(2));
    }
}
