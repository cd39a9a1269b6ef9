using System.Security.Cryptography;
using System.Text;

namespace IdentityProvider.RecoveryCodes;

/// <summary>
/// Salted hashes of canonical recovery codes (see <see cref="RecoveryCodeFormat.TryNormalize"/>).
/// </summary>
/// <remarks>
/// Note: one SHA-256 over salt || code is enough. A code carries 80 random bits, so even at 10^10
/// guesses per second a stolen hash would take millions of years to reverse; a deliberately slow
/// password hash only protects low-entropy secrets that people choose. The per-code salt keeps
/// equal codes (across users or sets) from having equal hashes and rules out precomputed tables.
/// <see cref="Matches"/> compares in constant time, so response timing reveals nothing about
/// how close a guess came to a stored hash.
/// </remarks>
public static class RecoveryCodeHasher
{
    public const int SaltLength = 16;

    public const int HashLength = 32; // SHA-256

    /// <summary>A fresh random salt and the hash of <paramref name="canonical"/> under it.</summary>
    public static (byte[] Salt, byte[] Hash) HashCode(string canonical)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltLength);
        return (salt, ComputeHash(salt, canonical));
    }

    /// <summary>True when <paramref name="canonical"/> hashes to <paramref name="hash"/> under <paramref name="salt"/>.</summary>
    public static bool Matches(string canonical, byte[] salt, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(hash);

        // Note: FixedTimeEquals also returns false, without throwing, for a stored hash of the wrong length.
        return CryptographicOperations.FixedTimeEquals(ComputeHash(salt, canonical), hash);
    }

    /// <summary>SHA-256(salt || UTF-8 of the code). Internal so tests can pin known answers.</summary>
    internal static byte[] ComputeHash(ReadOnlySpan<byte> salt, string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);

        int codeBytes = Encoding.UTF8.GetByteCount(canonical);
        byte[] input = new byte[salt.Length + codeBytes];
        salt.CopyTo(input);
        Encoding.UTF8.GetBytes(canonical.AsSpan(), input.AsSpan(salt.Length));
        return SHA256.HashData(input);
    }
}
