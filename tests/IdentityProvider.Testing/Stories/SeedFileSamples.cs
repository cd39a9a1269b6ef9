using System.Text;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// Vendor seed files for tests: RFC 6030's own PSKC examples (an 8-digit HOTP key carrying RFC 4226's test secret,
/// plain and encrypted with the pre-shared key <see cref="PreSharedKeyHex"/>) and CSV files.
/// </summary>
public static class SeedFileSamples
{
    /// <summary>RFC 4226's test secret, which both RFC 6030 examples carry.</summary>
    public static readonly byte[] Rfc4226Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    /// <summary>The pre-shared key of RFC 6030 section 6.1.</summary>
    public const string PreSharedKeyHex = "12345678901234567890123456789012";

    /// <summary>The serial both RFC examples give in <c>DeviceInfo/SerialNo</c>.</summary>
    public const string RfcSerial = "987654321";

    /// <summary>RFC 6030 figure 2: a plain HOTP key with device information.</summary>
    public const string PlainHotp = """
        <?xml version="1.0" encoding="UTF-8"?>
        <KeyContainer Version="1.0" Id="exampleID1" xmlns="urn:ietf:params:xml:ns:keyprov:pskc">
          <KeyPackage>
            <DeviceInfo>
              <Manufacturer>Manufacturer</Manufacturer>
              <SerialNo>987654321</SerialNo>
            </DeviceInfo>
            <CryptoModuleInfo><Id>CM_ID_001</Id></CryptoModuleInfo>
            <Key Id="12345678" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:hotp">
              <Issuer>Issuer-A</Issuer>
              <AlgorithmParameters><ResponseFormat Length="8" Encoding="DECIMAL"/></AlgorithmParameters>
              <Data>
                <Secret><PlainValue>MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=</PlainValue></Secret>
                <Counter><PlainValue>0</PlainValue></Counter>
              </Data>
            </Key>
          </KeyPackage>
        </KeyContainer>
        """;

    /// <summary>RFC 6030 section 6.1: the same key, encrypted with the pre-shared key 12345678901234567890123456789012.</summary>
    public const string PreSharedKeyHotp = """
        <?xml version="1.0" encoding="UTF-8"?>
        <KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc"
            xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">
          <EncryptionKey><ds:KeyName>Pre-shared-key</ds:KeyName></EncryptionKey>
          <MACMethod Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1">
            <MACKey>
              <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
              <xenc:CipherData>
                <xenc:CipherValue>ESIzRFVmd4iZABEiM0RVZgKn6WjLaTC1sbeBMSvIhRejN9vJa2BOlSaMrR7I5wSX</xenc:CipherValue>
              </xenc:CipherData>
            </MACKey>
          </MACMethod>
          <KeyPackage>
            <DeviceInfo><Manufacturer>Manufacturer</Manufacturer><SerialNo>987654321</SerialNo></DeviceInfo>
            <CryptoModuleInfo><Id>CM_ID_001</Id></CryptoModuleInfo>
            <Key Id="12345678" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:hotp">
              <Issuer>Issuer</Issuer>
              <AlgorithmParameters><ResponseFormat Length="8" Encoding="DECIMAL"/></AlgorithmParameters>
              <Data>
                <Secret>
                  <EncryptedValue>
                    <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
                    <xenc:CipherData>
                      <xenc:CipherValue>AAECAwQFBgcICQoLDA0OD+cIHItlB3Wra1DUpxVvOx2lef1VmNPCMl8jwZqIUqGv</xenc:CipherValue>
                    </xenc:CipherData>
                  </EncryptedValue>
                  <ValueMAC>Su+NvtQfmvfJzF6bmQiJqoLRExc=</ValueMAC>
                </Secret>
                <Counter><PlainValue>0</PlainValue></Counter>
              </Data>
            </Key>
          </KeyPackage>
        </KeyContainer>
        """;

    /// <summary>
    /// An RFC example with another serial, so each test imports a token of its own. Note: the serial is outside
    /// what the MAC covers, so the encrypted example still verifies.
    /// </summary>
    public static string WithSerial(string pskc, string serial) => pskc.Replace($"<SerialNo>{RfcSerial}</SerialNo>", $"<SerialNo>{serial}</SerialNo>", StringComparison.Ordinal);

    /// <summary>A CSV seed file: the header, then each row as given.</summary>
    public static string Csv(params string[] rows) => string.Join("\n", ["serial,seed_hex,type,digits,period_or_counter", .. rows]) + "\n";

    /// <summary>A serial no other test uses.</summary>
    public static string UniqueSerial(string prefix = "T") => prefix + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
}
