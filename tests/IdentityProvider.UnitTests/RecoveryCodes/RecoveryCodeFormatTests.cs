using System.Text.RegularExpressions;
using IdentityProvider.RecoveryCodes;

namespace IdentityProvider.UnitTests.RecoveryCodes;

public class RecoveryCodeFormatTests
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    private static readonly Regex DisplayPattern = new("^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$");

    [Fact]
    public void Alphabet_Always_IsCrockfordLowerCaseWith32Symbols()
    {
        Assert.Equal(Crockford, RecoveryCodeFormat.Alphabet);
        Assert.Equal(32, RecoveryCodeFormat.Alphabet.Distinct().Count());
    }

    [Fact]
    public void Generate_Always_HasDisplayShape()
    {
        for (int i = 0; i < 1_000; i++)
        {
            string code = RecoveryCodeFormat.Generate();

            Assert.Equal(19, code.Length);
            Assert.Matches(DisplayPattern, code);
        }
    }

    [Fact]
    public void Generate_ManyCodes_UsesEverySymbolAndNoOther()
    {
        // 16,000 symbols: a uniform draw missing one of 32 has a chance of about 32 × e^-500.
        var seen = new HashSet<char>();
        for (int i = 0; i < 1_000; i++)
        {
            seen.UnionWith(RecoveryCodeFormat.Generate().Replace("-", "", StringComparison.Ordinal));
        }

        Assert.Equal(Crockford.ToHashSet(), seen);
    }

    [Fact]
    public void GenerateSet_Default_ReturnsTenDistinctCodes()
    {
        IReadOnlyList<string> codes = RecoveryCodeFormat.GenerateSet();

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(DisplayPattern, code));
    }

    [Fact]
    public void GenerateSet_LargeCount_ReturnsThatManyDistinctCodes()
    {
        IReadOnlyList<string> codes = RecoveryCodeFormat.GenerateSet(500);

        Assert.Equal(500, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void GenerateSet_ZeroOrNegative_Throws(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RecoveryCodeFormat.GenerateSet(count));
    }

    [Fact]
    public void TryNormalize_GeneratedCode_RoundTripsToCanonical()
    {
        foreach (string code in RecoveryCodeFormat.GenerateSet(100))
        {
            Assert.True(RecoveryCodeFormat.TryNormalize(code, out string canonical));
            Assert.Equal(code.Replace("-", "", StringComparison.Ordinal), canonical);
            Assert.Equal(code, RecoveryCodeFormat.ToDisplay(canonical));
        }
    }

    [Theory]
    [InlineData("7kq2-m0xd-9wpa-3tfe")]
    [InlineData("7KQ2-M0XD-9WPA-3TFE")]
    [InlineData("7kq2m0xd9wpa3tfe")]
    [InlineData("7kq2 m0xd 9wpa 3tfe")]
    [InlineData("  7Kq2 - m0Xd -9wpa-  3tfe \n")]
    [InlineData("7-k-q-2-m-0-x-d-9-w-p-a-3-t-f-e")]
    [InlineData("7kq2\tm0xd\t9wpa\t3tfe")]
    public void TryNormalize_CaseSpacesAndDashes_Ignored(string input)
    {
        Assert.True(RecoveryCodeFormat.TryNormalize(input, out string canonical));
        Assert.Equal("7kq2m0xd9wpa3tfe", canonical);
    }

    [Theory]
    [InlineData("iIlL-oOab-cdef-ghjk", "1111-00ab-cdef-ghjk")]
    [InlineData("7kq2-mOxd-9wpa-3tfe", "7kq2-m0xd-9wpa-3tfe")]
    [InlineData("l0l0-i1o1-0000-zzzz", "1010-1101-0000-zzzz")]
    public void TryNormalize_LookAlikes_ReadAsDigits(string input, string expectedDisplay)
    {
        Assert.True(RecoveryCodeFormat.TryNormalize(input, out string canonical));
        Assert.Equal(expectedDisplay.Replace("-", "", StringComparison.Ordinal), canonical);
    }

    [Theory]
    [InlineData("7kq2-m0xd-9wpa-3tfu")] // u is not in the alphabet and has no look-alike mapping
    [InlineData("7kq2-m0xd-9wpa-3tf!")]
    [InlineData("7kq2_m0xd_9wpa_3tfe")]
    [InlineData("7kq2-m0xd-9wpa-3tf\u212A")] // Kelvin sign: lower-cases to 'k' outside ASCII
    [InlineData("7kq2-m0xd-9wpa-3tf\u0435")] // Cyrillic e
    [InlineData("7kq2-m0xd-9wpa-3tf\uFF10")] // full-width digit zero
    [InlineData("\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("123456")] // an OTP typed into the wrong box
    public void TryNormalize_Garbage_ReturnsFalse(string input)
    {
        Assert.False(RecoveryCodeFormat.TryNormalize(input, out string canonical));
        Assert.Equal(string.Empty, canonical);
    }

    [Theory]
    [InlineData("7kq2-m0xd-9wpa-3tf")] // 15 symbols
    [InlineData("7kq2-m0xd-9wpa-3tfee")] // 17 symbols
    [InlineData("7kq2-m0xd-9wpa")] // 12 symbols
    [InlineData("7kq2-m0xd-9wpa-3tfe-7kq2-m0xd-9wpa-3tfe")] // two codes pasted at once
    public void TryNormalize_WrongLength_ReturnsFalse(string input)
    {
        Assert.False(RecoveryCodeFormat.TryNormalize(input, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("----")]
    public void TryNormalize_NullOrEmpty_ReturnsFalse(string? input)
    {
        Assert.False(RecoveryCodeFormat.TryNormalize(input, out _));
    }

    [Fact]
    public void TryNormalize_64Characters_AcceptedButNotOne65()
    {
        string code = "7kq2-m0xd-9wpa-3tfe";

        Assert.True(RecoveryCodeFormat.TryNormalize(code.PadRight(64), out _));
        Assert.False(RecoveryCodeFormat.TryNormalize(code.PadRight(65), out _));
        Assert.False(RecoveryCodeFormat.TryNormalize(code + new string(' ', 5_000), out _));
    }

    [Fact]
    public void ToDisplay_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => RecoveryCodeFormat.ToDisplay("abc"));
    }
}
