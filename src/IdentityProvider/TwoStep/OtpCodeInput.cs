namespace IdentityProvider.TwoStep;

/// <summary>Turns what a person typed into the code field into a bare string of digits, or says why not.</summary>
public static class OtpCodeInput
{
    // Note: checked before anything else so a huge posted value costs nothing to refuse.
    private const int MaximumInputLength = 64;

    /// <summary>Accepts the input when it fits any of <paramref name="digitCounts"/> (a user's devices may show 6 or 8 digits).</summary>
    public static bool TryNormalizeAny(string? input, IEnumerable<int> digitCounts, out string code, out string error)
    {
        code = string.Empty;
        error = "Enter the code.";
        foreach (var digits in digitCounts.Distinct().Order())
        {
            if (TryNormalize(input, digits, out code, out error))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Strips whitespace (apps show "123 456") and dashes, then requires exactly
    /// <paramref name="digits"/> ASCII digits. On failure <paramref name="code"/> is empty and
    /// <paramref name="error"/> is a sentence fit to show next to the field (it never echoes the input).
    /// </summary>
    public static bool TryNormalize(string? input, int digits, out string code, out string error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 10);
        code = string.Empty;
        string wrongLength = $"The code has {digits} digits.";

        if (input is not null && input.Length > MaximumInputLength)
        {
            error = wrongLength;
            return false;
        }

        Span<char> buffer = stackalloc char[MaximumInputLength];
        int count = 0;
        bool otherCharacter = false;
        foreach (char c in input ?? string.Empty)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                continue;
            }

            // Note: char.IsDigit would also accept Arabic-Indic and other Unicode digits.
            otherCharacter |= !char.IsAsciiDigit(c);
            buffer[count++] = c;
        }

        if (count == 0)
        {
            error = "Enter the code.";
            return false;
        }

        if (otherCharacter)
        {
            error = "The code is made of digits only.";
            return false;
        }

        if (count != digits)
        {
            error = wrongLength;
            return false;
        }

        code = new string(buffer[..count]);
        error = string.Empty;
        return true;
    }
}
