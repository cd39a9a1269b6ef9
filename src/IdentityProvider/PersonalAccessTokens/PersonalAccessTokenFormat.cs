using System.IO.Hashing;
using System.Security.Cryptography;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// Shape of a personal access token: <c>idp_pat_</c> + 43 base62 characters of randomness
/// + 6 base62 characters of the CRC32 of everything before them.
/// </summary>
/// <remarks>
/// Secret scanners (and our own documentation) match tokens with the regex
/// <c>idp_pat_[0-9A-Za-z]{49}</c>. The prefix makes a leaked token recognisable; the checksum
/// lets a scanner, and <see cref="IsWellFormed"/>, tell a real token from a look-alike without
/// asking the database.
/// </remarks>
public static class PersonalAccessTokenFormat
{
    public const string Prefix = "idp_pat_";

    /// <summary>43 base62 symbols carry 43 × log2(62) ≈ 256.03 bits.</summary>
    public const int RandomLength = 43;

    /// <summary>62^6 ≈ 5.7 × 10^10 covers every 32-bit CRC; 62^5 would not.</summary>
    public const int ChecksumLength = 6;

    public const int Length = 57; // Prefix.Length + RandomLength + ChecksumLength

    // Note: the order 0-9A-Za-z is part of the format (it fixes the checksum's digits); never reorder it.
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private const int BodyLength = 51; // Prefix.Length + RandomLength: what the checksum covers

    public static string Generate()
    {
        // Note: GetString picks each symbol uniformly (no modulo bias) from the OS CSPRNG.
        string random = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return string.Create(Length, random, static (span, random) =>
        {
            Prefix.AsSpan().CopyTo(span);
            random.AsSpan().CopyTo(span[Prefix.Length..]);
            WriteChecksum(span[..BodyLength], span[BodyLength..]);
        });
    }

    /// <summary>
    /// True when <paramref name="token"/> has the prefix, the exact length, only base62 symbols
    /// and a matching checksum. Never throws and does not allocate, so it can refuse typos and
    /// junk before any database look-up.
    /// </summary>
    public static bool IsWellFormed(string? token)
    {
        // Length first: it bounds all further work, whatever size of input an attacker sends.
        if (token is null || token.Length != Length || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = token.AsSpan(Prefix.Length);
        foreach (char c in rest)
        {
            if (!IsBase62(c))
            {
                return false;
            }
        }

        Span<char> expected = stackalloc char[ChecksumLength];
        WriteChecksum(token.AsSpan(0, BodyLength), expected);
        // Note: an ordinary comparison is fine here: the checksum is derived from the presented
        // token itself, so timing reveals nothing the caller does not already know.
        return expected.SequenceEqual(token.AsSpan(BodyLength));
    }

    private static bool IsBase62(char c) =>
        char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || char.IsAsciiLetterLower(c);

    /// <summary>CRC32 of the ASCII body, as 6 big-endian base62 digits, zero-padded.</summary>
    private static void WriteChecksum(ReadOnlySpan<char> body, Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[BodyLength];
        for (int i = 0; i < body.Length; i++)
        {
            bytes[i] = (byte)body[i]; // callers guarantee ASCII
        }

        uint crc = Crc32.HashToUInt32(bytes[..body.Length]);
        for (int i = ChecksumLength - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[(int)(crc % 62)];
            crc /= 62;
        }
    }
}
