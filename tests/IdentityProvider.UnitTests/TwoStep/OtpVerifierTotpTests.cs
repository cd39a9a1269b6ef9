using IdentityProvider.TwoStep;
using static IdentityProvider.UnitTests.TwoStep.TestCodes;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpVerifierTotpTests
{
    private const long NoStep = OtpVerifier.NoTotpStepAccepted;

    private static TotpMatch? Verify(string code, long drift = 0, long lastAccepted = NoStep, int window = 1, OtpParameters? p = null) =>
        OtpVerifier.VerifyTotp(Secret, p ?? OtpParameters.DefaultTotp, code, Now, drift, lastAccepted, window);

    [Fact]
    public void VerifyTotp_CurrentCode_ReturnsCurrentStepAndNoDrift()
    {
        Assert.Equal(new TotpMatch(CurrentStep, 0), Verify(Totp(CurrentStep)));
    }

    [Fact]
    public void VerifyTotp_CodeOneStepLate_AcceptedWithDriftMinusOne()
    {
        Assert.Equal(new TotpMatch(CurrentStep - 1, -1), Verify(Totp(CurrentStep - 1)));
    }

    [Fact]
    public void VerifyTotp_CodeOneStepEarly_AcceptedWithDriftPlusOne()
    {
        Assert.Equal(new TotpMatch(CurrentStep + 1, 1), Verify(Totp(CurrentStep + 1)));
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    public void VerifyTotp_CodeTwoStepsOff_Refused(long offset)
    {
        Assert.Null(Verify(Totp(CurrentStep + offset)));
    }

    [Fact]
    public void VerifyTotp_WindowZeroAndPreviousStep_Refused()
    {
        Assert.Null(Verify(Totp(CurrentStep - 1), window: 0));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void VerifyTotp_TrackedDrift_WindowCentredOnDrift(long offset)
    {
        Assert.Equal(new TotpMatch(CurrentStep + offset, offset), Verify(Totp(CurrentStep + offset), drift: 5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    public void VerifyTotp_TrackedDriftAndCodeOutsideShiftedWindow_Refused(long offset)
    {
        Assert.Null(Verify(Totp(CurrentStep + offset), drift: 5));
    }

    [Fact]
    public void VerifyTotp_NegativeDrift_WindowCentredOnDrift()
    {
        Assert.Equal(new TotpMatch(CurrentStep - 11, -11), Verify(Totp(CurrentStep - 11), drift: -10));
    }

    [Fact]
    public void VerifyTotp_SameStepAlreadyAccepted_Refused()
    {
        Assert.Null(Verify(Totp(CurrentStep), lastAccepted: CurrentStep));
    }

    [Fact]
    public void VerifyTotp_EarlierStepAfterLaterAccepted_Refused()
    {
        Assert.Null(Verify(Totp(CurrentStep - 1), lastAccepted: CurrentStep));
    }

    [Fact]
    public void VerifyTotp_LaterStepAfterAccepted_Accepted()
    {
        Assert.Equal(new TotpMatch(CurrentStep + 1, 1), Verify(Totp(CurrentStep + 1), lastAccepted: CurrentStep));
    }

    [Fact]
    public void VerifyTotp_PreviousStepAccepted_CurrentCodeStillAccepted()
    {
        Assert.Equal(new TotpMatch(CurrentStep, 0), Verify(Totp(CurrentStep), lastAccepted: CurrentStep - 1));
    }

    [Fact]
    public void VerifyTotp_WrongCode_Refused()
    {
        string code = Totp(CurrentStep);
        string wrong = code[..5] + (char)('0' + (code[5] - '0' + 1) % 10);

        Assert.Null(Verify(wrong));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("123 456")]
    [InlineData("١٢٣٤٥٦")]
    public void VerifyTotp_MalformedCode_Refused(string code)
    {
        Assert.Null(Verify(code));
    }

    [Theory]
    [InlineData(OtpHashAlgorithm.Sha1, 6, 30)]
    [InlineData(OtpHashAlgorithm.Sha256, 8, 30)]
    [InlineData(OtpHashAlgorithm.Sha512, 6, 60)]
    public void VerifyTotp_OtherParameters_MatchOtpNetTotp(OtpHashAlgorithm algorithm, int digits, int period)
    {
        var p = new OtpParameters(OtpType.Totp, algorithm, digits, period);
        long current = OtpVerifier.TimeStep(Now, period);

        Assert.Equal(new TotpMatch(current, 0), Verify(Totp(current, p), p: p));
    }

    [Fact]
    public void VerifyTotp_HotpParameters_Throws()
    {
        Assert.Throws<ArgumentException>(() => Verify("123456", p: OtpParameters.DefaultHotp));
    }

    [Fact]
    public void VerifyTotp_NegativeWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Verify(Totp(CurrentStep), window: -1));
    }

    [Fact]
    public void ConfirmTotpEnrolment_CurrentCode_ReturnsStepAndNoDrift()
    {
        TotpMatch? match = OtpVerifier.ConfirmTotpEnrolment(Secret, OtpParameters.DefaultTotp, Totp(CurrentStep), Now, window: 1);

        Assert.Equal(new TotpMatch(CurrentStep, 0), match);
    }

    [Fact]
    public void ConfirmTotpEnrolment_CodeTwoStepsOff_Refused()
    {
        Assert.Null(OtpVerifier.ConfirmTotpEnrolment(Secret, OtpParameters.DefaultTotp, Totp(CurrentStep + 2), Now, window: 1));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(-1, -1)]
    public void TimeStep_BoundarySeconds_FloorDivision(long unixSeconds, long expected)
    {
        Assert.Equal(expected, OtpVerifier.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), 30));
    }
}
