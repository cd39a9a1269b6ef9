using IdentityProvider.RecoveryCodes;

namespace IdentityProvider.UnitTests.RecoveryCodes;

public class RecoveryCodeHasherTests
{
    private const string Code = "7kq2m0xd9wpa3tfe";

    [Fact]
    public void HashCode_Always_Returns16ByteSaltAnd32ByteHash()
    {
        (byte[] salt, byte[] hash) = RecoveryCodeHasher.HashCode(Code);

        Assert.Equal(16, salt.Length);
        Assert.Equal(32, hash.Length);
    }

    [Fact]
    public void ComputeHash_KnownSaltAndCode_MatchesReferenceSha256()
    {
        // Reference computed outside .NET: sha256(bytes(range(16)) + b"0123456789abcdef").
        byte[] salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

        Assert.Equal(
            "6a3fbf35b1fdd0a0cbd438e6852f755236021790c2855bc664beea0ae1a88eab",
            Convert.ToHexStringLower(RecoveryCodeHasher.ComputeHash(salt, "0123456789abcdef")));
    }

    [Fact]
    public void Matches_SameCode_ReturnsTrue()
    {
        (byte[] salt, byte[] hash) = RecoveryCodeHasher.HashCode(Code);

        Assert.True(RecoveryCodeHasher.Matches(Code, salt, hash));
    }

    [Fact]
    public void Matches_OneSymbolDifferent_ReturnsFalse()
    {
        (byte[] salt, byte[] hash) = RecoveryCodeHasher.HashCode(Code);

        Assert.False(RecoveryCodeHasher.Matches("7kq2m0xd9wpa3tff", salt, hash));
    }

    [Fact]
    public void Matches_OtherSalt_ReturnsFalse()
    {
        (_, byte[] hash) = RecoveryCodeHasher.HashCode(Code);
        (byte[] otherSalt, _) = RecoveryCodeHasher.HashCode(Code);

        Assert.False(RecoveryCodeHasher.Matches(Code, otherSalt, hash));
    }

    [Fact]
    public void Matches_StoredHashOfWrongLength_ReturnsFalse()
    {
        (byte[] salt, byte[] hash) = RecoveryCodeHasher.HashCode(Code);

        Assert.False(RecoveryCodeHasher.Matches(Code, salt, hash[..16]));
        Assert.False(RecoveryCodeHasher.Matches(Code, salt, []));
    }

    [Fact]
    public void HashCode_SameCodeTwice_DifferentSaltsAndHashes()
    {
        (byte[] firstSalt, byte[] firstHash) = RecoveryCodeHasher.HashCode(Code);
        (byte[] secondSalt, byte[] secondHash) = RecoveryCodeHasher.HashCode(Code);

        Assert.NotEqual(firstSalt, secondSalt);
        Assert.NotEqual(firstHash, secondHash);
    }

    [Fact]
    public void Matches_CodeTypedDifferentlyAfterNormalizing_ReturnsTrue()
    {
        // The whole path: shown in display form, stored hashed, typed back upper case with spaces.
        string shown = RecoveryCodeFormat.Generate();
        Assert.True(RecoveryCodeFormat.TryNormalize(shown, out string stored));
        (byte[] salt, byte[] hash) = RecoveryCodeHasher.HashCode(stored);

        string typed = " " + shown.ToUpperInvariant().Replace('-', ' ') + " ";

        Assert.True(RecoveryCodeFormat.TryNormalize(typed, out string entered));
        Assert.True(RecoveryCodeHasher.Matches(entered, salt, hash));
    }

    [Fact]
    public void Matches_NullArguments_Throw()
    {
        (byte[] salt, byte[] hash) = RecoveryCodeHasher.HashCode(Code);

        Assert.Throws<ArgumentNullException>(() => RecoveryCodeHasher.Matches(null!, salt, hash));
        Assert.Throws<ArgumentNullException>(() => RecoveryCodeHasher.Matches(Code, null!, hash));
        Assert.Throws<ArgumentNullException>(() => RecoveryCodeHasher.Matches(Code, salt, null!));
    }
}
