using IdentityProvider.HardwareTokens;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.HardwareTokens;

public class CsvSeedReaderTests
{
    private const string Rfc4226SecretHex = "3132333435363738393031323334353637383930";

    [Fact]
    public void Read_GoodRows_HotpCounterAndTotpPeriod()
    {
        var file = CsvSeedReader.Read(new StringReader($"""
            serial,seed_hex,type,digits,period_or_counter
            HW-1,{Rfc4226SecretHex},hotp,8,5
            "HW-2",{Rfc4226SecretHex},TOTP,6,60
            """));

        Assert.Empty(file.Rejected);
        Assert.Equal(["HW-1", "HW-2"], file.Tokens.Select(token => token.Serial));
        Assert.Equal(new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha1, 8), file.Tokens[0].Parameters);
        Assert.Equal(5, file.Tokens[0].Counter);
        Assert.Equal(new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha1, 6, 60), file.Tokens[1].Parameters);
        Assert.Equal(Convert.FromHexString(Rfc4226SecretHex), file.Tokens[1].Seed);
    }

    [Theory]
    [InlineData("HW-3,zz-not-hex,hotp,6,0", "not hexadecimal")]
    [InlineData("HW-4,00ff,hotp,6,0", "shorter than 128 bits")]
    [InlineData("HW-5,3132333435363738393031323334353637383930,motp,6,0", "neither hotp nor totp")]
    [InlineData("HW-6,3132333435363738393031323334353637383930,totp,7,30", "6 or 8 digits")]
    [InlineData("HW-7,3132333435363738393031323334353637383930,totp,6,45", "30 or 60 seconds")]
    [InlineData("HW-8,3132333435363738393031323334353637383930,hotp,6,-1", "whole numbers")]
    [InlineData(",3132333435363738393031323334353637383930,hotp,6,0", "serial is missing")]
    public void Read_BadRow_RejectedWithItsReason_OtherRowsKept(string row, string reason)
    {
        var file = CsvSeedReader.Read(new StringReader($"serial,seed_hex,type,digits,period_or_counter\n{row}\nHW-OK,{Rfc4226SecretHex},hotp,6,0\n"));

        Assert.Equal("HW-OK", Assert.Single(file.Tokens).Serial);
        Assert.Contains(reason, Assert.Single(file.Rejected).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HW-1,3132333435363738393031323334353637383930,hotp,6,0")]
    [InlineData("")]
    [InlineData("serial;seed_hex;type;digits;period_or_counter")]
    public void Read_WithoutTheHeaderRow_RefusedWhole(string text) =>
        Assert.Throws<SeedFileException>(() => CsvSeedReader.Read(new StringReader(text)));
}
