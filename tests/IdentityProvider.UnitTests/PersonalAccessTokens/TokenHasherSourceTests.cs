using IdentityProvider.Hosting.Settings;
using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class TokenHasherSourceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseConfiguredKey_Unset_IsNull(string? raw)
    {
        Assert.Null(TokenHasherSource.ParseConfiguredKey(raw));
    }

    [Fact]
    public void ParseConfiguredKey_Base64Of32Bytes_IsThoseBytes()
    {
        var key = Enumerable.Range(0, 32).Select(value => (byte)value).ToArray();

        Assert.Equal(key, TokenHasherSource.ParseConfiguredKey(Convert.ToBase64String(key)));
    }

    [Fact]
    public void ParseConfiguredKey_TooShort_NamesTheKeyButNotTheValue()
    {
        var raw = Convert.ToBase64String(new byte[16]);

        var error = Assert.Throws<InvalidConfigurationException>(() => TokenHasherSource.ParseConfiguredKey(raw));

        Assert.Equal("Tokens:HashKey", error.Key);
        Assert.Contains("at least 32 bytes", error.Message);
        Assert.DoesNotContain(raw, error.Message);
    }

    [Fact]
    public void ParseConfiguredKey_NotBase64_NamesTheKeyButNotTheValue()
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => TokenHasherSource.ParseConfiguredKey("not base64 at all!"));

        Assert.Equal("Tokens:HashKey", error.Key);
        Assert.DoesNotContain("not base64 at all!", error.Message);
    }
}
