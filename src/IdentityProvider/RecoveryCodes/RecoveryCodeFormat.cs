using System.Security.Cryptography;

namespace IdentityProvider.RecoveryCodes;

/// <summary>
/// Recovery codes: 16 symbols of Crockford's Base32 (lower case), 80 random bits, shown as
/// <c>xxxx-xxxx-xxxx-xxxx</c>. The canonical (stored and compared) form has no dashes.
/// </summary>
/// <remarks>
/// Crockford's alphabet leaves out i, l, o and u, so a code copied from paper cannot be misread;
/// on input, i and l are read as 1 and o as 0, as that alphabet prescribes.
/// </remarks>
public static class RecoveryCodeFormat
{
    public const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>16 symbols × 5 bits = 80 bits.</summary>
    public const int SymbolCount = 16;

    public const int GroupLength = 4;

    public const int DefaultSetSize = 10;

    /// <summary>Longer input is refused unread: a generous margin for spaces and dashes.</summary>
    public const int MaxInputLength = 64;

    /// <summary>A new code in display form, e.g. <c>7kq2-m0xd-9wpa-3tfe</c>.</summary>
    public static string Generate()
    {
        // Note: GetItems picks each symbol uniformly (no modulo bias) from the OS CSPRNG.
        Span<char> symbols = stackalloc char[SymbolCount];
        RandomNumberGenerator.GetItems(Alphabet.AsSpan(), symbols);
        return ToDisplay(symbols);
    }

    /// <summary><paramref name="count"/> distinct codes in display form.</summary>
    public static IReadOnlyList<string> GenerateSet(int count = DefaultSetSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // A repeat among 80-bit codes is astronomically unlikely, but a set with two equal codes
        // would let one use spend both, so it is ruled out rather than left to chance.
        var codes = new HashSet<string>(count, StringComparer.Ordinal);
        while (codes.Count < count)
        {
            codes.Add(Generate());
        }

        return codes.ToArray();
    }

    /// <summary>
    /// Reads what a person typed or pasted into the canonical form (16 lower-case symbols, no
    /// dashes): ignores case, whitespace and dashes and maps the look-alikes i, l → 1 and o → 0.
    /// False for anything else, without throwing.
    /// </summary>
    public static bool TryNormalize(string? input, out string canonical)
    {
        canonical = string.Empty;

        // Warning: the length cap comes before any work, so hostile input costs nothing.
        if (input is null || input.Length > MaxInputLength)
        {
            return false;
        }

        Span<char> symbols = stackalloc char[SymbolCount];
        int count = 0;
        foreach (char raw in input)
        {
            if (raw == '-' || char.IsWhiteSpace(raw))
            {
                continue;
            }

            // Note: ASCII-only case folding. char.ToLowerInvariant would turn e.g. the Kelvin sign
            // (U+212A) into 'k', accepting characters that are not part of the alphabet.
            char c = char.IsAsciiLetterUpper(raw) ? (char)(raw | 0x20) : raw;
            c = c switch
            {
                'i' or 'l' => '1',
                'o' => '0',
                _ => c,
            };

            if (count == SymbolCount || !Alphabet.Contains(c))
            {
                return false;
            }

            symbols[count++] = c;
        }

        if (count != SymbolCount)
        {
            return false;
        }

        canonical = new string(symbols);
        return true;
    }

    /// <summary>Canonical (16 symbols) to display form (four groups of four).</summary>
    public static string ToDisplay(ReadOnlySpan<char> canonical)
    {
        if (canonical.Length != SymbolCount)
        {
            throw new ArgumentException($"A recovery code has {SymbolCount} symbols.", nameof(canonical));
        }

        Span<char> display = stackalloc char[SymbolCount + SymbolCount / GroupLength - 1];
        int at = 0;
        for (int i = 0; i < SymbolCount; i++)
        {
            if (i > 0 && i % GroupLength == 0)
            {
                display[at++] = '-';
            }

            display[at++] = canonical[i];
        }

        return new string(display);
    }
}
