using IdentityProvider.TwoStep;
using static IdentityProvider.UnitTests.TwoStep.TestCodes;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpResyncTests
{
    private static TotpMatch? ResyncTotp(long step1, long step2, long drift = 0, long lastAccepted = OtpVerifier.NoTotpStepAccepted) =>
        OtpVerifier.ResyncTotp(Secret, OtpParameters.DefaultTotp, Totp(step1), Totp(step2), Now, drift, lastAccepted);

    private static long? ResyncHotp(long counter1, long counter2, long nextCounter) =>
        OtpVerifier.ResyncHotp(Secret, OtpParameters.DefaultHotp, Hotp(counter1), Hotp(counter2), nextCounter);

    [Theory]
    [InlineData(100)]
    [InlineData(-2000)]
    public void ResyncTotp_ConsecutiveCodesOfDriftedDevice_ReturnsSecondStepAndNewDrift(long offset)
    {
        long s = CurrentStep + offset;

        Assert.Equal(new TotpMatch(s + 1, offset + 1), ResyncTotp(s, s + 1));
    }

    [Theory]
    [InlineData(2880)]
    [InlineData(-2880)]
    public void ResyncTotp_FirstCodeAtEdgeOfSearch_Accepted(long offset)
    {
        long s = CurrentStep + offset;

        Assert.Equal(new TotpMatch(s + 1, offset + 1), ResyncTotp(s, s + 1));
    }

    [Theory]
    [InlineData(2881)]
    [InlineData(-2881)]
    public void ResyncTotp_FirstCodeBeyondSearch_Refused(long offset)
    {
        long s = CurrentStep + offset;

        Assert.Null(ResyncTotp(s, s + 1));
    }

    [Fact]
    public void ResyncTotp_TrackedDrift_SearchCentredOnDrift()
    {
        long s = CurrentStep + 2000 + 2880;

        Assert.Equal(new TotpMatch(s + 1, 4881), ResyncTotp(s, s + 1, drift: 2000));
    }

    [Fact]
    public void ResyncTotp_CodesNotConsecutive_Refused()
    {
        long s = CurrentStep + 100;

        Assert.Null(ResyncTotp(s, s + 2));
    }

    [Fact]
    public void ResyncTotp_CodesInReverseOrder_Refused()
    {
        long s = CurrentStep + 100;

        Assert.Null(ResyncTotp(s + 1, s));
    }

    [Fact]
    public void ResyncTotp_SameCodeTwice_Refused()
    {
        Assert.Null(ResyncTotp(CurrentStep, CurrentStep));
    }

    [Fact]
    public void ResyncTotp_FirstCodeAtLastAcceptedStep_Refused()
    {
        long s = CurrentStep - 100;

        Assert.Null(ResyncTotp(s, s + 1, lastAccepted: s));
    }

    [Fact]
    public void ResyncTotp_FirstCodeJustAfterLastAcceptedStep_Accepted()
    {
        long s = CurrentStep - 100;

        Assert.Equal(new TotpMatch(s + 1, -99), ResyncTotp(s, s + 1, lastAccepted: s - 1));
    }

    [Fact]
    public void ResyncTotp_HotpParameters_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            OtpVerifier.ResyncTotp(Secret, OtpParameters.DefaultHotp, "123456", "234567", Now, 0, OtpVerifier.NoTotpStepAccepted));
    }

    [Fact]
    public void ResyncHotp_ConsecutiveCodes_ReturnsCounterOfSecond()
    {
        Assert.Equal(501, ResyncHotp(500, 501, nextCounter: 10));
    }

    [Fact]
    public void ResyncHotp_FirstCodeAtLastSearchedCounter_Accepted()
    {
        Assert.Equal(1011, ResyncHotp(1010, 1011, nextCounter: 10));
    }

    [Fact]
    public void ResyncHotp_FirstCodeBeyondSearch_Refused()
    {
        Assert.Null(ResyncHotp(1011, 1012, nextCounter: 10));
    }

    [Fact]
    public void ResyncHotp_FirstCodeBeforeNextCounter_Refused()
    {
        Assert.Null(ResyncHotp(9, 10, nextCounter: 10));
    }

    [Fact]
    public void ResyncHotp_CodesNotConsecutive_Refused()
    {
        Assert.Null(ResyncHotp(500, 502, nextCounter: 10));
    }

    [Fact]
    public void ResyncHotp_CodesInReverseOrder_Refused()
    {
        Assert.Null(ResyncHotp(501, 500, nextCounter: 10));
    }

    [Fact]
    public void ResyncHotp_MalformedCode_Refused()
    {
        Assert.Null(OtpVerifier.ResyncHotp(Secret, OtpParameters.DefaultHotp, Hotp(500), "50l234", nextCounter: 10));
    }
}
