using System.Text.RegularExpressions;
using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class PersonalAccessTokenFormatTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Reference value computed outside .NET (zlib CRC32, big-endian base62 digits), so it pins the
    // format that secret scanners and other implementations rely on.
    private const string KnownToken = "idp_pat_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ0UsoDc";

    private static readonly Regex ScannerPattern = new("^idp_pat_[0-9A-Za-z]{49}$");

    [Fact]
    public void Generate_Always_IsWellFormedWith57Characters()
    {
        for (int i = 0; i < 1_000; i++)
        {
            string token = PersonalAccessTokenFormat.Generate();

            Assert.Equal(57, token.Length);
            Assert.StartsWith("idp_pat_", token, StringComparison.Ordinal);
            Assert.Matches(ScannerPattern, token);
            Assert.True(PersonalAccessTokenFormat.IsWellFormed(token), token);
        }
    }

    [Fact]
    public void Generate_ManyTimes_AllDistinct()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => PersonalAccessTokenFormat.Generate()).ToHashSet();

        Assert.Equal(10_000, tokens.Count);
    }

    [Fact]
    public void Generate_ManyTokens_RandomPartUsesWholeAlphabet()
    {
        // 43,000 symbols: the chance that a uniform draw misses one of 62 is about 62 × e^-700.
        var seen = new HashSet<char>();
        for (int i = 0; i < 1_000; i++)
        {
            seen.UnionWith(PersonalAccessTokenFormat.Generate().AsSpan(8, 43).ToArray());
        }

        Assert.Equal(Base62.ToHashSet(), seen);
    }

    [Fact]
    public void IsWellFormed_KnownToken_ReturnsTrue()
    {
        Assert.True(PersonalAccessTokenFormat.IsWellFormed(KnownToken));
    }

    [Fact]
    public void IsWellFormed_ZeroRandomPart_ChecksumIsZeroPadded()
    {
        // CRC32 0x848835B7 is "2QTeuF" in base62; reference computed outside .NET.
        Assert.True(PersonalAccessTokenFormat.IsWellFormed("idp_pat_" + new string('0', 43) + "2QTeuF"));
    }

    [Fact]
    public void IsWellFormed_OneCharacterChangedInRandomPart_ReturnsFalse()
    {
        // Note: CRC32 detects every error confined to 32 consecutive bits, so every single-symbol
        // change is caught, not just most of them; check each position with every other symbol.
        foreach (string token in new[] { KnownToken, PersonalAccessTokenFormat.Generate() })
        {
            for (int position = 8; position < 51; position++)
            {
                foreach (char replacement in Base62.Where(c => c != token[position]))
                {
                    string changed = Replace(token, position, replacement);
                    Assert.False(PersonalAccessTokenFormat.IsWellFormed(changed), changed);
                }
            }
        }
    }

    [Fact]
    public void IsWellFormed_OneCharacterChangedInChecksum_ReturnsFalse()
    {
        foreach (string token in new[] { KnownToken, PersonalAccessTokenFormat.Generate() })
        {
            for (int position = 51; position < 57; position++)
            {
                foreach (char replacement in Base62.Where(c => c != token[position]))
                {
                    string changed = Replace(token, position, replacement);
                    Assert.False(PersonalAccessTokenFormat.IsWellFormed(changed), changed);
                }
            }
        }
    }

    [Fact]
    public void IsWellFormed_TwoCharactersSwapped_ReturnsFalse()
    {
        string swapped = KnownToken[..10] + KnownToken[11] + KnownToken[10] + KnownToken[12..];

        Assert.False(PersonalAccessTokenFormat.IsWellFormed(swapped));
    }

    [Theory]
    [InlineData("IDP_PAT_")]
    [InlineData("idp_pak_")]
    [InlineData("idp-pat_")]
    [InlineData("xyz_pat_")]
    public void IsWellFormed_WrongPrefix_ReturnsFalse(string prefix)
    {
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(prefix + KnownToken[8..]));
    }

    [Fact]
    public void IsWellFormed_PrefixMissing_ReturnsFalse()
    {
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(KnownToken[8..]));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void IsWellFormed_WrongLength_ReturnsFalse(int delta)
    {
        string token = delta < 0 ? KnownToken[..^1] : KnownToken + "0";

        Assert.False(PersonalAccessTokenFormat.IsWellFormed(token));
    }

    [Theory]
    [InlineData('-')]
    [InlineData('_')]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData(' ')]
    [InlineData('é')]
    [InlineData('\u0430')] // Cyrillic a
    [InlineData('\uFF10')] // full-width digit zero
    public void IsWellFormed_CharacterOutsideAlphabet_ReturnsFalse(char outsider)
    {
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(Replace(KnownToken, 20, outsider)));
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(Replace(KnownToken, 56, outsider)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("idp_pat_")]
    public void IsWellFormed_NullOrEmpty_ReturnsFalse(string? token)
    {
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(token));
    }

    [Fact]
    public void IsWellFormed_500Characters_ReturnsFalse()
    {
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(KnownToken + new string('a', 500 - 57)));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n")]
    public void IsWellFormed_SurroundingWhitespace_ReturnsFalse(string whitespace)
    {
        // Trimming is the caller's choice; the format itself is exact.
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(KnownToken[..^1] + whitespace));
        Assert.False(PersonalAccessTokenFormat.IsWellFormed(whitespace + KnownToken));
    }

    private static string Replace(string token, int position, char replacement) =>
        token[..position] + replacement + token[(position + 1)..];
}
