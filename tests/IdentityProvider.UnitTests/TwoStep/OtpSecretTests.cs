using System.Security.Cryptography;
using System.Text;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpSecretTests
{
    private static readonly byte[] Seed20 = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Seed32 = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private const string Seed20Base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private const string Seed32Base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";

    [Theory]
    [InlineData(OtpHashAlgorithm.Sha1, 20)]
    [InlineData(OtpHashAlgorithm.Sha256, 32)]
    [InlineData(OtpHashAlgorithm.Sha512, 64)]
    public void Generate_EachAlgorithm_HashSizedSecret(OtpHashAlgorithm algorithm, int expectedLength)
    {
        Assert.Equal(expectedLength, OtpSecret.Generate(algorithm).Length);
        Assert.Equal(expectedLength, OtpSecret.LengthFor(algorithm));
    }

    [Fact]
    public void Generate_TwoCalls_DifferentSecrets()
    {
        Assert.NotEqual(OtpSecret.Generate(OtpHashAlgorithm.Sha1), OtpSecret.Generate(OtpHashAlgorithm.Sha1));
    }

    [Fact]
    public void ToBase32_Rfc6238Seeds_KnownTextWithoutPadding()
    {
        Assert.Equal(Seed20Base32, OtpSecret.ToBase32(Seed20));
        Assert.Equal(Seed32Base32, OtpSecret.ToBase32(Seed32));
    }

    [Fact]
    public void ToDisplayForm_TwentyByteSecret_EightGroupsOfFour()
    {
        Assert.Equal("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", OtpSecret.ToDisplayForm(Seed20));
    }

    [Fact]
    public void ToDisplayForm_SixtyFourByteSecret_LastGroupShorter()
    {
        string display = OtpSecret.ToDisplayForm(RandomNumberGenerator.GetBytes(64));

        string[] groups = display.Split(' ');
        Assert.Equal(26, groups.Length);
        Assert.All(groups[..^1], g => Assert.Equal(4, g.Length));
        Assert.Equal(3, groups[^1].Length);
    }

    [Theory]
    [InlineData("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")]
    [InlineData("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")]
    [InlineData("gezd-gnbv-gy3t-qojq-GEZD-GNBV-GY3T-QOJQ")]
    [InlineData("  GEZDGNBVGY3TQOJQ\tGEZDGNBVGY3TQOJQ\n")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ=")]
    public void TryParseManualEntry_SpacesDashesCaseOrPadding_Ignored(string input)
    {
        Assert.True(OtpSecret.TryParseManualEntry(input, out byte[] secret));
        Assert.Equal(Seed20, secret);
    }

    [Fact]
    public void TryParseManualEntry_PaddedThirtyTwoByteSecret_Accepted()
    {
        Assert.True(OtpSecret.TryParseManualEntry(Seed32Base32.ToLowerInvariant() + "====", out byte[] secret));
        Assert.Equal(Seed32, secret);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(32)]
    [InlineData(64)]
    public void TryParseManualEntry_DisplayFormOfAllowedLength_RoundTrips(int length)
    {
        byte[] original = RandomNumberGenerator.GetBytes(length);

        Assert.True(OtpSecret.TryParseManualEntry(OtpSecret.ToDisplayForm(original), out byte[] secret));
        Assert.Equal(original, secret);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(65)]
    public void TryParseManualEntry_SecretOutsideSixteenToSixtyFourBytes_Refused(int length)
    {
        AssertRefused(OtpSecret.ToBase32(RandomNumberGenerator.GetBytes(length)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0EZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    [InlineData("1EZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    [InlineData("8EZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")]
    [InlineData("GEZDGNBVGY3TQOJQ_GEZDGNBVGY3TQOJQ")]
    [InlineData("GEZDGNBVGY3TQOJQ.GEZDGNBVGY3TQOJQ")]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ\u0131")]
    [InlineData("GEZDGNBVGY3TQOJQ=GEZDGNBVGY3TQOJQ")]
    public void TryParseManualEntry_OtherCharacters_Refused(string? input)
    {
        AssertRefused(input);
    }

    [Fact]
    public void TryParseManualEntry_OneSymbolMissing_Refused()
    {
        AssertRefused(Seed20Base32 + "G");
    }

    [Fact]
    public void TryParseManualEntry_NonZeroUnusedBitsInLastSymbol_Refused()
    {
        AssertRefused(Seed32Base32[..^1] + "B");
    }

    [Fact]
    public void TryParseManualEntry_InputOver256Characters_Refused()
    {
        AssertRefused(Seed20Base32 + new string(' ', 240));
    }

    private static void AssertRefused(string? input)
    {
        Assert.False(OtpSecret.TryParseManualEntry(input, out byte[] secret));
        Assert.Empty(secret);
    }
}
