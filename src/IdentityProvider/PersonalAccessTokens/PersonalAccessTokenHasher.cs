using System.Security.Cryptography;
using System.Text;
using IdentityProvider.Settings;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// Turns a personal access token into the value stored (under a unique index) and looked up.
/// </summary>
/// <remarks>
/// Warning: this is deliberately a keyed fast hash, not a password hash. A token carries 256
/// random bits, so there is no dictionary to try and brute force is hopeless even at billions of
/// guesses per second; a slow, salted password hash would add nothing but cost, and would rule out
/// the equality look-up that lets one exchange cost one index probe at 1,000+ exchanges/s. No
/// salt, for the same reason: the hash must be deterministic to be found. The server key means a
/// stolen copy of the table alone cannot even confirm a guessed token. Keep the key out of the
/// database dump it protects where possible, and never log it.
/// </remarks>
public sealed class PersonalAccessTokenHasher
{
    public const int MinKeyLength = TokenSettings.MinHashKeyLength;

    public const int HashLength = 32; // HMAC-SHA256

    private const int StackLimit = 256;

    private readonly byte[] key;

    public PersonalAccessTokenHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"The key must have at least {MinKeyLength} bytes.", nameof(key));
        }

        // Copy, so a caller that later clears or reuses its array cannot change our hashes.
        this.key = (byte[])key.Clone();
    }

    /// <summary>32 random bytes, for a server that has no key configured yet.</summary>
    public static byte[] GenerateKey() => RandomNumberGenerator.GetBytes(MinKeyLength);

    /// <summary>HMAC-SHA256(key, UTF-8 of <paramref name="token"/>): 32 bytes.</summary>
    public byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);

        // The static HashData keeps no state, so one hasher serves all threads; well-formed tokens
        // (57 ASCII bytes) are encoded on the stack, so the hot path allocates only the result.
        int byteCount = Encoding.UTF8.GetByteCount(token);
        Span<byte> bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : new byte[byteCount];
        bytes = bytes[..Encoding.UTF8.GetBytes(token.AsSpan(), bytes)];
        return HMACSHA256.HashData(key, bytes);
    }
}
