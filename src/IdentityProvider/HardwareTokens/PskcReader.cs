using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;

namespace IdentityProvider.HardwareTokens;

/// <summary>
/// Reads a PSKC key container (RFC 6030): plain values, and values encrypted with a pre-shared key (AES-128-CBC,
/// the IV before the ciphertext) whose <c>ValueMAC</c> (HMAC-SHA1 over IV and ciphertext, under the MAC key that is
/// itself encrypted with the pre-shared key) is checked before anything is decrypted (RFC 6030 section 6.1).
/// </summary>
/// <remarks>
/// Warning: vendor files come from outside: no DTD (so no entity expansion bombs), no external resources, and a
/// size limit. A file whose MAC fails is refused whole, so a tampered or mis-keyed file imports nothing.
/// </remarks>
public static class PskcReader
{
    /// <summary>A file larger than this is refused before parsing (a vendor batch of thousands of tokens is far smaller).</summary>
    public const int MaxCharacters = 10 * 1024 * 1024;

    private static readonly XNamespace Pskc = "urn:ietf:params:xml:ns:keyprov:pskc";
    private static readonly XNamespace Xenc = "http://www.w3.org/2001/04/xmlenc#";
    private const string Aes128Cbc = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    private const string HmacSha1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";

    private static readonly Sentence KeyDoesNotFit = new("HardwareTokens.File.WrongKey");

    /// <param name="preSharedKey">The AES-128 key agreed with the vendor; null for a file of plain values.</param>
    public static SeedFile Read(Stream xml, byte[]? preSharedKey)
    {
        var container = Parse(xml).Root;
        if (container?.Name != Pskc + "KeyContainer")
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.NotPskc"));
        }

        var macKey = MacKey(container, preSharedKey);
        var tokens = new List<SeedFileToken>();
        var rejected = new List<RejectedSeedEntry>();
        foreach (var package in container.Elements(Pskc + "KeyPackage"))
        {
            var key = package.Element(Pskc + "Key");
            var serial = package.Element(Pskc + "DeviceInfo")?.Element(Pskc + "SerialNo")?.Value.Trim() is { Length: > 0 } serialNo
                ? serialNo
                : key?.Attribute("Id")?.Value.Trim() ?? "";
            if (key is null || serial.Length == 0)
            {
                rejected.Add(new RejectedSeedEntry(serial, new Sentence("HardwareTokens.Entry.NoKey")));
                continue;
            }

            try
            {
                tokens.Add(ReadKey(key, serial, package.Element(Pskc + "DeviceInfo"), preSharedKey, macKey));
            }
            catch (EntryException problem)
            {
                rejected.Add(new RejectedSeedEntry(serial, problem.Why));
            }
        }

        return new SeedFile(tokens, rejected);
    }

    private static XDocument Parse(Stream xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            return XDocument.Load(reader);
        }
        catch (XmlException error)
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.NotXml", error.Message));
        }
    }

    /// <summary>The MAC key of an encrypted container, decrypted with the pre-shared key; null for a plain one.</summary>
    private static byte[]? MacKey(XElement container, byte[]? preSharedKey)
    {
        var method = container.Element(Pskc + "MACMethod");
        if (method is null)
        {
            return null;
        }

        if (method.Attribute("Algorithm")?.Value != HmacSha1)
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.MacMethod"));
        }

        if (preSharedKey is null)
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.NeedsKey"));
        }

        var encrypted = CipherValue(method.Element(Pskc + "MACKey")) ?? throw new SeedFileException(new Sentence("HardwareTokens.File.NoMacKey"));
        return Decrypt(encrypted, preSharedKey) ?? throw new SeedFileException(KeyDoesNotFit);
    }

    private static SeedFileToken ReadKey(XElement key, string serial, XElement? deviceInfo, byte[]? preSharedKey, byte[]? macKey)
    {
        var type = key.Attribute("Algorithm")?.Value switch
        {
            { } uri when uri.EndsWith(":hotp", StringComparison.OrdinalIgnoreCase) => OtpType.Hotp,
            { } uri when uri.EndsWith(":totp", StringComparison.OrdinalIgnoreCase) => OtpType.Totp,
            var other => throw new EntryException(new Sentence("HardwareTokens.Entry.Algorithm", other)),
        };
        var digits = int.TryParse(key.Element(Pskc + "AlgorithmParameters")?.Element(Pskc + "ResponseFormat")?.Attribute("Length")?.Value, out var length) ? length : 6;
        var data = key.Element(Pskc + "Data") ?? throw new EntryException(new Sentence("HardwareTokens.Entry.NoData"));
        var seed = Value(data.Element(Pskc + "Secret"), preSharedKey, macKey) ?? throw new EntryException(new Sentence("HardwareTokens.Entry.NoSecret"));
        var counter = long.TryParse(PlainText(data.Element(Pskc + "Counter")), out var count) ? count : 0;
        var period = int.TryParse(PlainText(data.Element(Pskc + "TimeInterval")), out var interval) ? interval : 30;
        if (counter < 0 || seed.Length < 16)
        {
            throw new EntryException(seed.Length < 16
                ? new Sentence("HardwareTokens.Entry.SeedTooShort")
                : new Sentence("HardwareTokens.Entry.NegativeCounter"));
        }

        try
        {
            var model = deviceInfo?.Element(Pskc + "Model")?.Value.Trim() is { Length: > 0 } named ? named : deviceInfo?.Element(Pskc + "Manufacturer")?.Value.Trim();
            return new SeedFileToken(serial, new OtpParameters(type, OtpHashAlgorithm.Sha1, digits, type == OtpType.Totp ? period : 30), counter, seed, model);
        }
        catch (ArgumentOutOfRangeException error)
        {
            throw new EntryException(SeedFileException.OfParameter(error));
        }
    }

    private static string? PlainText(XElement? element) => element?.Element(Pskc + "PlainValue")?.Value.Trim();

    /// <summary>A plain or an encrypted binary value; the MAC of an encrypted one is checked first.</summary>
    private static byte[]? Value(XElement? element, byte[]? preSharedKey, byte[]? macKey)
    {
        if (element is null)
        {
            return null;
        }

        if (PlainText(element) is { } plain)
        {
            return FromBase64(plain) ?? throw new EntryException(new Sentence("HardwareTokens.Entry.NotBase64"));
        }

        var encryptedValue = element.Element(Pskc + "EncryptedValue");
        if (encryptedValue is null)
        {
            return null;
        }

        if (encryptedValue.Element(Xenc + "EncryptionMethod")?.Attribute("Algorithm")?.Value != Aes128Cbc)
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.Cipher"));
        }

        if (preSharedKey is null || macKey is null)
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.NoMac"));
        }

        var cipher = CipherValue(encryptedValue) ?? throw new EntryException(new Sentence("HardwareTokens.Entry.EmptySecret"));
        var mac = FromBase64(element.Element(Pskc + "ValueMAC")?.Value.Trim() ?? "");
        if (mac is null || !CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(macKey, cipher), mac))
        {
            throw new SeedFileException(new Sentence("HardwareTokens.File.MacMismatch"));
        }

        return Decrypt(cipher, preSharedKey) ?? throw new SeedFileException(KeyDoesNotFit);
    }

    private static byte[]? CipherValue(XElement? parent) =>
        FromBase64(parent?.Element(Xenc + "CipherData")?.Element(Xenc + "CipherValue")?.Value ?? "");

    /// <summary>AES-128-CBC with the IV in the first block (XML Encryption); null when the key does not fit (bad padding).</summary>
    private static byte[]? Decrypt(byte[] ivAndCiphertext, byte[] key)
    {
        if (ivAndCiphertext.Length < 32 || ivAndCiphertext.Length % 16 != 0)
        {
            return null;
        }

        using var aes = Aes.Create();
        try
        {
            aes.Key = key;
            return aes.DecryptCbc(ivAndCiphertext.AsSpan(16), ivAndCiphertext.AsSpan(0, 16));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static byte[]? FromBase64(string text)
    {
        var compact = string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
        var buffer = new byte[compact.Length];
        return compact.Length > 0 && Convert.TryFromBase64String(compact, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>A problem of one key package: that entry is rejected, the others go on.</summary>
    private sealed class EntryException(Sentence why) : Exception(why.English)
    {
        public Sentence Why { get; } = why;
    }
}
