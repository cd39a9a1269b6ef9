using System.Text;
using IdentityProvider.TwoStep;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpKeyUriTests
{
    private static readonly byte[] Seed20 = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Seed32 = Encoding.ASCII.GetBytes("12345678901234567890123456789012");

    [Fact]
    public void Create_DefaultTotp_ExactUri()
    {
        string uri = OtpKeyUri.Create(OtpParameters.DefaultTotp, "Example Co", "alice@example.com", Seed20);

        Assert.Equal(
            "otpauth://totp/Example%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Example%20Co&algorithm=SHA1&digits=6&period=30",
            uri);
    }

    [Fact]
    public void Create_HotpSha256EightDigits_CounterInsteadOfPeriod()
    {
        var p = new OtpParameters(OtpType.Hotp, OtpHashAlgorithm.Sha256, digits: 8);

        string uri = OtpKeyUri.Create(p, "ACME", "bob@example.com", Seed32, hotpCounter: 7);

        Assert.Equal(
            "otpauth://hotp/ACME:bob%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA"
            + "&issuer=ACME&algorithm=SHA256&digits=8&counter=7",
            uri);
    }

    [Fact]
    public void Create_TotpSha512SixtySeconds_ParametersWritten()
    {
        var p = new OtpParameters(OtpType.Totp, OtpHashAlgorithm.Sha512, digits: 8, periodSeconds: 60);

        string uri = OtpKeyUri.Create(p, "ACME", "bob", Seed20);

        Assert.EndsWith("&issuer=ACME&algorithm=SHA512&digits=8&period=60", uri);
        Assert.DoesNotContain("counter=", uri);
    }

    [Fact]
    public void Create_NonAsciiAndReservedCharacters_PercentEncodedUtf8()
    {
        string uri = OtpKeyUri.Create(OtpParameters.DefaultTotp, "Société & Co", "zoë+test@exämple.org", Seed20);

        Assert.StartsWith("otpauth://totp/Soci%C3%A9t%C3%A9%20%26%20Co:zo%C3%AB%2Btest%40ex%C3%A4mple.org?secret=", uri);
        Assert.Contains("&issuer=Soci%C3%A9t%C3%A9%20%26%20Co&", uri);
    }

    [Fact]
    public void Create_Result_ParsesAsUriWithOneQueryValuePerParameter()
    {
        var uri = new Uri(OtpKeyUri.Create(OtpParameters.DefaultTotp, "A&B=C", "x?y#z@example.com", Seed20));

        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.Equal(5, uri.Query.TrimStart('?').Split('&').Length);
        Assert.Equal("A&B=C:x?y#z@example.com", Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')));
    }

    [Theory]
    [InlineData("Example:Co", "alice@example.com")]
    [InlineData("Example", "alice:1@example.com")]
    [InlineData("", "alice@example.com")]
    [InlineData("Example", " ")]
    public void Create_ColonOrEmptyLabelPart_Throws(string issuer, string account)
    {
        Assert.ThrowsAny<ArgumentException>(() => OtpKeyUri.Create(OtpParameters.DefaultTotp, issuer, account, Seed20));
    }

    [Fact]
    public void Create_NegativeCounter_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            OtpKeyUri.Create(OtpParameters.DefaultHotp, "ACME", "bob", Seed20, hotpCounter: -1));
    }
}
