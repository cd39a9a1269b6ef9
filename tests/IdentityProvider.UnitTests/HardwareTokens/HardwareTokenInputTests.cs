using IdentityProvider.HardwareTokens;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.HardwareTokens;

/// <summary>A token typed in by hand: the seed in hex or Base32, and a message for each field that does not fit.</summary>
public class HardwareTokenInputTests
{
    private const string SeedHex = "3132333435363738393031323334353637383930";

    [Fact]
    public void TryBuild_HexSeedHotp_KeepsTheCounterAndTrimsSerialAndModel()
    {
        var token = new HardwareTokenInput { Serial = " SN-1 ", Model = " eToken PASS ", Type = "HOTP", Digits = "8", Counter = "42", Seed = SeedHex.ToLowerInvariant() }
            .TryBuild(out var problems);

        Assert.Empty(problems);
        Assert.NotNull(token);
        Assert.Equal("SN-1", token.Serial);
        Assert.Equal("eToken PASS", token.Model);
        Assert.Equal(new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha1, 8), token.Parameters);
        Assert.Equal(42, token.Counter);
        Assert.Equal(Convert.FromHexString(SeedHex), token.Seed);
    }

    [Fact]
    public void TryBuild_Base32SeedTotpSha256SixtySeconds()
    {
        var token = new HardwareTokenInput
        {
            Serial = "SN-2", Type = "totp", Algorithm = "sha256", PeriodSeconds = "60", SeedEncoding = HardwareTokenInput.Base32,
            Seed = "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
        }.TryBuild(out _);

        Assert.NotNull(token);
        Assert.Equal(new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha256, 6, 60), token.Parameters);
        Assert.Equal(0, token.Counter);
        Assert.Equal(Convert.FromHexString(SeedHex), token.Seed);
    }

    [Fact]
    public void TryBuild_EveryFieldWrong_OneMessagePerField_NoToken()
    {
        var token = new HardwareTokenInput { Serial = "SN-3", Type = "motp", Algorithm = "MD5", Digits = "7", Counter = "-1", Seed = "xyz" }
            .TryBuild(out var problems);

        Assert.Null(token);
        Assert.Equal(["Type", "Algorithm", "Digits", "Seed"], problems.Select(problem => problem.Field));
    }

    [Theory]
    [InlineData("totp", "45", "0", "PeriodSeconds")]
    [InlineData("hotp", "30", "-1", "Counter")]
    [InlineData("hotp", "30", "lots", "Counter")]
    public void TryBuild_PeriodOrCounterOfTheTypeChecked(string type, string period, string counter, string field)
    {
        new HardwareTokenInput { Serial = "SN-4", Type = type, PeriodSeconds = period, Counter = counter, Seed = SeedHex }.TryBuild(out var problems);

        Assert.Equal(field, Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData("3132333435363738393031323334353637383")]
    [InlineData("313233343536373839303132333435")]
    [InlineData("zz323334353637383930313233343536373839303132")]
    public void TryBuild_HexSeedOddShortOrNotHex_Refused(string seed)
    {
        new HardwareTokenInput { Serial = "SN-5", Seed = seed }.TryBuild(out var problems);

        Assert.Equal("Seed", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData("application/pskc+xml", SeedFileKind.Pskc)]
    [InlineData("text/xml; charset=utf-8", SeedFileKind.Pskc)]
    [InlineData("TEXT/CSV", SeedFileKind.Csv)]
    [InlineData("application/json", null)]
    [InlineData(null, null)]
    public void SeedFiles_KindOf_TheMediaTypesAnImportTakes(string? mediaType, SeedFileKind? kind) => Assert.Equal(kind, SeedFiles.KindOf(mediaType));

    [Fact]
    public void HardwareTokenRegistration_Check_RefusesHiddenCharactersAndLongSerials()
    {
        var parameters = OtpParameters.DefaultHotp;
        var seed = new byte[20];

        Assert.Null(HardwareTokenRegistration.Check(new SeedFileToken("SN-6", parameters, 0, seed, "Feitian")));
        Assert.NotNull(HardwareTokenRegistration.Check(new SeedFileToken("SN\u202E6", parameters, 0, seed, null)));
        Assert.NotNull(HardwareTokenRegistration.Check(new SeedFileToken(new string('9', 65), parameters, 0, seed, null)));
        Assert.NotNull(HardwareTokenRegistration.Check(new SeedFileToken("SN-7", parameters, 0, seed, "Model\u0000")));
    }
}
