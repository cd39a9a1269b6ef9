using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace IdentityProvider.TwoStep;

/// <summary>Creating OTP shared secrets and moving them between bytes and Base32 text.</summary>
public static class OtpSecret
{
    /// <summary>
    /// Shortest secret accepted from manual entry: 16 bytes (128 bits), the minimum of RFC 4226 §4 (R6).
    /// Note: shorter seeds exist on old tokens, but at that size the key, not the 6-digit code,
    /// becomes the weak point; such tokens must be re-seeded instead.
    /// </summary>
    public const int MinimumLength = 16;

    /// <summary>Longest secret accepted: 64 bytes, the SHA512 output size (RFC 6238 Appendix B seed).</summary>
    public const int MaximumLength = 64;

    // Note: 64 bytes are 103 Base32 characters; with grouping spaces and padding that stays far below
    // this, so longer input is refused before any work is done on it.
    private const int MaximumInputLength = 256;

    /// <summary>Secret size per hash: the hash output length, as RFC 4226 §4 and RFC 6238 Appendix B use.</summary>
    public static int LengthFor(OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => 20,
        OtpHashAlgorithm.Sha256 => 32,
        OtpHashAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown OTP hash algorithm."),
    };

    /// <summary>A new random secret. Note: from the OS CSPRNG; never derive it from user data.</summary>
    public static byte[] Generate(OtpHashAlgorithm algorithm) =>
        RandomNumberGenerator.GetBytes(LengthFor(algorithm));

    /// <summary>Base32 (RFC 4648) without '=' padding, as the Key Uri Format asks.</summary>
    public static string ToBase32(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Base32Encoding.ToString(secret).TrimEnd('=');
    }

    /// <summary>Base32 in groups of four separated by spaces, for people typing it into an app.</summary>
    public static string ToDisplayForm(byte[] secret)
    {
        string base32 = ToBase32(secret);
        var builder = new StringBuilder(base32.Length + base32.Length / 4);
        for (int i = 0; i < base32.Length; i += 4)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(base32, i, Math.Min(4, base32.Length - i));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads a secret typed or pasted by a person: whitespace, dashes, letter case and trailing '='
    /// padding are ignored; any other character, a length no byte count can produce, or a secret
    /// outside <see cref="MinimumLength"/>..<see cref="MaximumLength"/> bytes is refused.
    /// </summary>
    public static bool TryParseManualEntry(string? input, out byte[] secret)
    {
        secret = [];
        if (string.IsNullOrEmpty(input) || input.Length > MaximumInputLength)
        {
            return false;
        }

        Span<char> symbols = stackalloc char[MaximumInputLength];
        int count = 0;
        bool inPadding = false;
        foreach (char c in input)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            if (c == '=')
            {
                inPadding = true;
                continue;
            }

            // Note: only ASCII is folded; char.ToUpperInvariant would turn the Turkish 'ı' into 'I'.
            char upper = char.IsAsciiLetterLower(c) ? (char)(c - 'a' + 'A') : c;
            if (inPadding || !IsBase32Symbol(upper))
            {
                return false;
            }

            symbols[count++] = upper;
        }

        // Whole bytes leave 0, 2, 4, 5 or 7 symbols after the last full group of 8; any other
        // remainder means a symbol was dropped or added by mistake.
        if (count % 8 is 1 or 3 or 6)
        {
            return false;
        }

        int byteCount = count * 5 / 8;
        if (byteCount is < MinimumLength or > MaximumLength)
        {
            return false;
        }

        // A correct encoder leaves the unused low bits of the last symbol at zero; anything else is a typo.
        int spareBits = count * 5 - byteCount * 8;
        if ((SymbolValue(symbols[count - 1]) & ((1 << spareBits) - 1)) != 0)
        {
            return false;
        }

        secret = Base32Encoding.ToBytes(new string(symbols[..count]));
        return true;
    }

    private static bool IsBase32Symbol(char c) => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7');

    private static int SymbolValue(char c) => c >= 'A' ? c - 'A' : c - '2' + 26;
}
