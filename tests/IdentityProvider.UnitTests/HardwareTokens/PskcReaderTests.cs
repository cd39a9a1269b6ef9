using System.Text;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.HardwareTokens;

/// <summary>The PSKC reader against RFC 6030's own examples, and against files an attacker or a typo would produce.</summary>
public class PskcReaderTests
{
    private static readonly byte[] Rfc4226Secret = SeedFileSamples.Rfc4226Secret;

    private static readonly byte[] PreSharedKey = Convert.FromHexString(SeedFileSamples.PreSharedKeyHex);

    private const string PlainHotp = SeedFileSamples.PlainHotp;

    private const string PreSharedKeyHotp = SeedFileSamples.PreSharedKeyHotp;

    [Fact]
    public void Read_Rfc6030PlainHotp_SerialFromDeviceInfo_EightDigits_Rfc4226Secret()
    {
        var file = PskcReader.Read(Stream(PlainHotp), preSharedKey: null);

        var token = Assert.Single(file.Tokens);
        Assert.Empty(file.Rejected);
        Assert.Equal("987654321", token.Serial);
        Assert.Equal(new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha1, 8), token.Parameters);
        Assert.Equal(0, token.Counter);
        Assert.Equal(Rfc4226Secret, token.Seed);
    }

    [Fact]
    public void Read_Rfc6030PreSharedKeyExample_MacVerifies_SecretDecryptsToTheRfc4226Secret()
    {
        var token = Assert.Single(PskcReader.Read(Stream(PreSharedKeyHotp), PreSharedKey).Tokens);

        Assert.Equal("987654321", token.Serial);
        Assert.Equal(Rfc4226Secret, token.Seed);
        Assert.Equal(8, token.Parameters.Digits);
    }

    [Fact]
    public void Read_WrongPreSharedKey_RefusesTheWholeFile() =>
        Assert.Throws<SeedFileException>(() => PskcReader.Read(Stream(PreSharedKeyHotp), Convert.FromHexString("00112233445566778899aabbccddeeff")));

    [Fact]
    public void Read_TamperedEncryptedValue_MacFails_RefusesTheWholeFile()
    {
        // One byte of the ciphertext changed ("...qIUqGv" -> "...qIUqGw").
        var tampered = PreSharedKeyHotp.Replace("wZqIUqGv", "wZqIUqGw", StringComparison.Ordinal);

        var error = Assert.Throws<SeedFileException>(() => PskcReader.Read(Stream(tampered), PreSharedKey));
        Assert.Contains("MAC does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EncryptedFileWithoutKey_SaysTheKeyIsNeeded() =>
        Assert.Contains("pre-shared key", Assert.Throws<SeedFileException>(() => PskcReader.Read(Stream(PreSharedKeyHotp), null)).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_MissingSecretOrBadDigits_RejectsThatEntryOnly_KeepsTheOthers()
    {
        var xml = PlainHotp.Replace("</KeyContainer>", """
              <KeyPackage>
                <Key Id="no-secret" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:totp"><Data><TimeInterval><PlainValue>30</PlainValue></TimeInterval></Data></Key>
              </KeyPackage>
              <KeyPackage>
                <Key Id="seven-digits" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:totp">
                  <AlgorithmParameters><ResponseFormat Length="7"/></AlgorithmParameters>
                  <Data><Secret><PlainValue>MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=</PlainValue></Secret></Data>
                </Key>
              </KeyPackage>
            </KeyContainer>
            """, StringComparison.Ordinal);

        var file = PskcReader.Read(Stream(xml), null);

        Assert.Equal("987654321", Assert.Single(file.Tokens).Serial);
        Assert.Equal(["no-secret", "seven-digits"], file.Rejected.Select(entry => entry.Serial));
        Assert.Contains("no secret", file.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("6 or 8 digits", file.Rejected[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TotpWithSixtySecondInterval_KeepsThePeriod()
    {
        var xml = PlainHotp.Replace("pskc:hotp", "pskc:totp", StringComparison.Ordinal)
            .Replace("<Counter><PlainValue>0</PlainValue></Counter>", "<TimeInterval><PlainValue>60</PlainValue></TimeInterval>", StringComparison.Ordinal);

        var token = Assert.Single(PskcReader.Read(Stream(xml), null).Tokens);

        Assert.Equal(new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha1, 8, 60), token.Parameters);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><KeyContainer xmlns="urn:ietf:params:xml:ns:keyprov:pskc">&lol2;</KeyContainer>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><KeyContainer xmlns="urn:ietf:params:xml:ns:keyprov:pskc">&xxe;</KeyContainer>""")]
    [InlineData("not xml at all")]
    [InlineData("""<?xml version="1.0"?><Tokens><Token serial="1"/></Tokens>""")]
    public void Read_BombExternalEntityJunkOrAnotherFormat_RefusedWhole(string xml) =>
        Assert.Throws<SeedFileException>(() => PskcReader.Read(Stream(xml), null));

    private static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));
}
