using IdentityProvider.PersonalAccessTokens;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class PersonalAccessTokenHasherTests
{
    private const string Token = "idp_pat_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ0UsoDc";

    private static readonly byte[] KeyA = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyB = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Hash_KnownKeyAndToken_MatchesReferenceHmacSha256()
    {
        // Reference values computed outside .NET (Python hmac/hashlib).
        Assert.Equal(
            "9ff4a3c3d2835863b70abd5aa9c3428dc19afa02d0141778b2bba385b0acd62c",
            Convert.ToHexStringLower(new PersonalAccessTokenHasher(KeyA).Hash(Token)));
        Assert.Equal(
            "16df7f8df57db1256764b2f04e8488bd5238598dff5f85ae05ff94578085fb04",
            Convert.ToHexStringLower(new PersonalAccessTokenHasher(KeyB).Hash(Token)));
    }

    [Fact]
    public void Hash_SameKeyAndToken_IsDeterministic()
    {
        // Two instances stand for two stateless server instances sharing the key.
        byte[] first = new PersonalAccessTokenHasher(KeyA).Hash(Token);
        byte[] second = new PersonalAccessTokenHasher((byte[])KeyA.Clone()).Hash(Token);

        Assert.Equal(first, second);
        Assert.Equal(32, first.Length);
    }

    [Fact]
    public void Hash_DifferentKeys_Differs()
    {
        Assert.NotEqual(new PersonalAccessTokenHasher(KeyA).Hash(Token), new PersonalAccessTokenHasher(KeyB).Hash(Token));
    }

    [Fact]
    public void Hash_DifferentTokens_Differs()
    {
        var hasher = new PersonalAccessTokenHasher(KeyA);

        Assert.NotEqual(hasher.Hash(PersonalAccessTokenFormat.Generate()), hasher.Hash(PersonalAccessTokenFormat.Generate()));
    }

    [Fact]
    public void Hash_LongNonAsciiInput_Returns32Bytes()
    {
        // Beyond the stack buffer and outside ASCII: a garbage token must still hash, not throw.
        Assert.Equal(32, new PersonalAccessTokenHasher(KeyA).Hash(new string('é', 1_000)).Length);
    }

    [Fact]
    public void Hash_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PersonalAccessTokenHasher(KeyA).Hash(null!));
    }

    [Fact]
    public void Constructor_KeyShorterThan32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PersonalAccessTokenHasher(new byte[31]));
        Assert.Throws<ArgumentNullException>(() => new PersonalAccessTokenHasher(null!));
    }

    [Fact]
    public void Constructor_CallerChangesKeyArrayLater_HashUnchanged()
    {
        byte[] key = (byte[])KeyA.Clone();
        var hasher = new PersonalAccessTokenHasher(key);
        byte[] before = hasher.Hash(Token);

        Array.Clear(key);

        Assert.Equal(before, hasher.Hash(Token));
    }

    [Fact]
    public void GenerateKey_TwoCalls_Returns32DistinctRandomBytes()
    {
        byte[] first = PersonalAccessTokenHasher.GenerateKey();
        byte[] second = PersonalAccessTokenHasher.GenerateKey();

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(32, new PersonalAccessTokenHasher(first).Hash(Token).Length);
    }
}
