using IdentityProvider.Settings;

namespace IdentityProvider.UnitTests.Hosting;

public class TokenHashKeySettingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseHashKey_Unset_IsNull(string? raw)
    {
        Assert.Null(TokenSettings.ParseHashKey(raw));
    }

    [Fact]
    public void ParseHashKey_Base64Of32Bytes_IsThoseBytes()
    {
        var key = Enumerable.Range(0, 32).Select(value => (byte)value).ToArray();

        Assert.Equal(key, TokenSettings.ParseHashKey(Convert.ToBase64String(key)));
    }

    [Fact]
    public void ParseHashKey_TooShort_NamesTheKeyButNotTheValue()
    {
        var raw = Convert.ToBase64String(new byte[16]);

        var error = Assert.Throws<InvalidConfigurationException>(() => TokenSettings.ParseHashKey(raw));

        Assert.Equal("Tokens:HashKey", error.Key);
        Assert.Contains("at least 32 bytes", error.Message);
        Assert.DoesNotContain(raw, error.Message);
    }

    [Fact]
    public void ParseHashKey_NotBase64_NamesTheKeyButNotTheValue()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => TokenSettings.ParseHashKey("not base64 at all!"));

        Assert.Equal("Tokens:HashKey", error.Key);
        Assert.DoesNotContain("not base64 at all!", error.Message);
    }
}
