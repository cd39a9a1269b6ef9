using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpParametersTests
{
    [Fact]
    public void Constructor_TypeOnly_Sha1SixDigitsThirtySeconds()
    {
        var p = new OtpParameters(OtpType.Totp);

        Assert.Equal((OtpHashAlgorithm.Sha1, 6, 30), (p.Algorithm, p.Digits, p.PeriodSeconds));
        Assert.Equal(p, OtpParameters.DefaultTotp);
    }

    [Theory]
    [InlineData(OtpHashAlgorithm.Sha256, 8, 30)]
    [InlineData(OtpHashAlgorithm.Sha512, 6, 60)]
    public void Constructor_AllowedValues_Kept(OtpHashAlgorithm algorithm, int digits, int period)
    {
        var p = new OtpParameters(OtpType.Hotp, algorithm, digits, period);

        Assert.Equal((OtpType.Hotp, algorithm, digits, period), (p.Type, p.Algorithm, p.Digits, p.PeriodSeconds));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(9)]
    public void Constructor_DigitsNotSixOrEight_Throws(int digits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OtpParameters(OtpType.Totp, digits: digits));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(45)]
    public void Constructor_PeriodNotThirtyOrSixty_Throws(int period)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OtpParameters(OtpType.Totp, periodSeconds: period));
    }

    [Fact]
    public void Constructor_UndefinedEnumValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OtpParameters((OtpType)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OtpParameters(OtpType.Totp, (OtpHashAlgorithm)7));
    }

    [Fact]
    public void With_DigitsNotAllowed_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OtpParameters.DefaultTotp with { Digits = 7 });
    }
}
