using System.Text;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

// Published test vectors, checked through the verifier so the whole path (key, truncation, comparison) is covered.
public class OtpRfcVectorTests
{
    private static readonly byte[] Rfc4226Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(2, "359152")]
    [InlineData(3, "969429")]
    [InlineData(4, "338314")]
    [InlineData(5, "254676")]
    [InlineData(6, "287922")]
    [InlineData(7, "162583")]
    [InlineData(8, "399871")]
    [InlineData(9, "520489")]
    public void VerifyHotp_Rfc4226AppendixD_MatchesCounter(long counter, string code)
    {
        long? matched = OtpVerifier.VerifyHotp(Rfc4226Secret, OtpParameters.DefaultHotp, code, counter, lookAhead: 0);

        Assert.Equal(counter, matched);
    }

    public static TheoryData<long, OtpHashAlgorithm, string> Rfc6238Vectors => new()
    {
        { 59, OtpHashAlgorithm.Sha1, "94287082" },
        { 59, OtpHashAlgorithm.Sha256, "46119246" },
        { 59, OtpHashAlgorithm.Sha512, "90693936" },
        { 1111111109, OtpHashAlgorithm.Sha1, "07081804" },
        { 1111111109, OtpHashAlgorithm.Sha256, "68084774" },
        { 1111111109, OtpHashAlgorithm.Sha512, "25091201" },
        { 1111111111, OtpHashAlgorithm.Sha1, "14050471" },
        { 1111111111, OtpHashAlgorithm.Sha256, "67062674" },
        { 1111111111, OtpHashAlgorithm.Sha512, "99943326" },
        { 1234567890, OtpHashAlgorithm.Sha1, "89005924" },
        { 1234567890, OtpHashAlgorithm.Sha256, "91819424" },
        { 1234567890, OtpHashAlgorithm.Sha512, "93441116" },
        { 2000000000, OtpHashAlgorithm.Sha1, "69279037" },
        { 2000000000, OtpHashAlgorithm.Sha256, "90698825" },
        { 2000000000, OtpHashAlgorithm.Sha512, "38618901" },
        { 20000000000, OtpHashAlgorithm.Sha1, "65353130" },
        { 20000000000, OtpHashAlgorithm.Sha256, "77737706" },
        { 20000000000, OtpHashAlgorithm.Sha512, "47863826" },
    };

    [Theory]
    [MemberData(nameof(Rfc6238Vectors))]
    public void VerifyTotp_Rfc6238AppendixB_MatchesStep(long unixSeconds, OtpHashAlgorithm algorithm, string code)
    {
        var p = new OtpParameters(OtpType.Totp, algorithm, digits: 8);

        TotpMatch? match = OtpVerifier.VerifyTotp(
            Rfc6238Seed(algorithm), p, code, DateTimeOffset.FromUnixTimeSeconds(unixSeconds),
            driftSteps: 0, OtpVerifier.NoTotpStepAccepted, window: 0);

        Assert.Equal(new TotpMatch(unixSeconds / 30, 0), match);
    }

    // A 6-digit code is the 8-digit value mod 10^6, i.e. its last six digits.
    [Theory]
    [MemberData(nameof(Rfc6238Vectors))]
    public void VerifyTotp_SixDigitTruncationOfRfc6238Vector_MatchesStep(long unixSeconds, OtpHashAlgorithm algorithm, string code)
    {
        var p = new OtpParameters(OtpType.Totp, algorithm, digits: 6);

        TotpMatch? match = OtpVerifier.VerifyTotp(
            Rfc6238Seed(algorithm), p, code[2..], DateTimeOffset.FromUnixTimeSeconds(unixSeconds),
            driftSteps: 0, OtpVerifier.NoTotpStepAccepted, window: 0);

        Assert.Equal(unixSeconds / 30, match?.Step);
    }

    [Fact]
    public void VerifyTotp_EightDigitCodeWithSixDigitParameters_Refused()
    {
        TotpMatch? match = OtpVerifier.VerifyTotp(
            Rfc6238Seed(OtpHashAlgorithm.Sha1), OtpParameters.DefaultTotp, "94287082",
            DateTimeOffset.FromUnixTimeSeconds(59), 0, OtpVerifier.NoTotpStepAccepted, window: 0);

        Assert.Null(match);
    }

    [Fact]
    public void TimeStep_Rfc6238Times_MatchPublishedStepValues()
    {
        Assert.Equal(0x1L, OtpVerifier.TimeStep(DateTimeOffset.FromUnixTimeSeconds(59), 30));
        Assert.Equal(0x23523ECL, OtpVerifier.TimeStep(DateTimeOffset.FromUnixTimeSeconds(1111111109), 30));
        Assert.Equal(0x27BC86AAL, OtpVerifier.TimeStep(DateTimeOffset.FromUnixTimeSeconds(20000000000), 30));
    }

    // RFC 6238 Appendix B: the seed is the ASCII digits repeated to the hash's output size.
    internal static byte[] Rfc6238Seed(OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => Encoding.ASCII.GetBytes("12345678901234567890"),
        OtpHashAlgorithm.Sha256 => Encoding.ASCII.GetBytes("12345678901234567890123456789012"),
        _ => Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234"),
    };
}
