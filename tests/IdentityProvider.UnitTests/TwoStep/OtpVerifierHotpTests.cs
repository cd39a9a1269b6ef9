using IdentityProvider.TwoStep;
using static IdentityProvider.UnitTests.TwoStep.TestCodes;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpVerifierHotpTests
{
    private static long? Verify(string code, long nextCounter, int lookAhead = 10) =>
        OtpVerifier.VerifyHotp(Secret, OtpParameters.DefaultHotp, code, nextCounter, lookAhead);

    [Fact]
    public void VerifyHotp_ExpectedCounter_ReturnsIt()
    {
        Assert.Equal(5, Verify(Hotp(5), nextCounter: 5));
    }

    [Fact]
    public void VerifyHotp_LastCounterOfLookAhead_Accepted()
    {
        Assert.Equal(15, Verify(Hotp(15), nextCounter: 5, lookAhead: 10));
    }

    [Fact]
    public void VerifyHotp_OneBeyondLookAhead_Refused()
    {
        Assert.Null(Verify(Hotp(16), nextCounter: 5, lookAhead: 10));
    }

    [Fact]
    public void VerifyHotp_CounterBeforeNext_Refused()
    {
        Assert.Null(Verify(Hotp(4), nextCounter: 5));
    }

    [Fact]
    public void VerifyHotp_LookAheadZero_OnlyNextCounterAccepted()
    {
        Assert.Equal(5, Verify(Hotp(5), nextCounter: 5, lookAhead: 0));
        Assert.Null(Verify(Hotp(6), nextCounter: 5, lookAhead: 0));
    }

    [Fact]
    public void VerifyHotp_EightDigitsSha256_MatchesOtpNetHotp()
    {
        var p = new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha256, digits: 8);

        Assert.Equal(42, OtpVerifier.VerifyHotp(Secret, p, Hotp(42, p), nextCounter: 40, lookAhead: 10));
    }

    [Theory]
    [InlineData("")]
    [InlineData("75522")]
    [InlineData("75522x")]
    public void VerifyHotp_MalformedCode_Refused(string code)
    {
        Assert.Null(Verify(code, nextCounter: 0));
    }

    [Fact]
    public void VerifyHotp_TotpParameters_Throws()
    {
        Assert.Throws<ArgumentException>(() => OtpVerifier.VerifyHotp(Secret, OtpParameters.DefaultTotp, Hotp(0), 0, 10));
    }

    [Fact]
    public void ConfirmHotpEnrolment_TwoConsecutiveCodesFromZero_ReturnsCounterOfSecond()
    {
        long? counter = OtpVerifier.ConfirmHotpEnrolment(Secret, OtpParameters.DefaultHotp, Hotp(0), Hotp(1), initialCounter: 0, lookAhead: 10);

        Assert.Equal(1, counter);
    }

    [Fact]
    public void ConfirmHotpEnrolment_TokenPressedBeforeEnrolment_FoundWithinLookAhead()
    {
        long? counter = OtpVerifier.ConfirmHotpEnrolment(Secret, OtpParameters.DefaultHotp, Hotp(7), Hotp(8), initialCounter: 0, lookAhead: 10);

        Assert.Equal(8, counter);
    }

    [Fact]
    public void ConfirmHotpEnrolment_CodesNotConsecutive_Refused()
    {
        Assert.Null(OtpVerifier.ConfirmHotpEnrolment(Secret, OtpParameters.DefaultHotp, Hotp(0), Hotp(2), initialCounter: 0, lookAhead: 10));
    }
}
