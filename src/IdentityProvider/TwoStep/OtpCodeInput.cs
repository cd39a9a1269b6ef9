using IdentityProvider.Localization;

namespace IdentityProvider.TwoStep;

/// <summary>Why a typed code was refused.</summary>
public enum OtpCodeProblem
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Nothing but spaces and dashes.</summary>
    Missing,

    /// <summary>Something other than digits, spaces and dashes.</summary>
    NotDigits,

    /// <summary>Too many or too few digits (or a huge input).</summary>
    WrongLength,
}

/// <summary>A refused code, fit to show next to the field (it never echoes the input).</summary>
/// <param name="Digits">The digits a code has (the fewest when several counts are accepted).</param>
public readonly record struct OtpCodeError(OtpCodeProblem Problem, int Digits)
{
    /// <summary>What the reader is told (<c>OtpCode.Missing</c> …, its <c>{0}</c> the digits); null when not refused.</summary>
    public Sentence? Message => Problem == OtpCodeProblem.None ? null : new Sentence("OtpCode." + Problem, Digits);
}

/// <summary>Turns what a person typed into the code field into a bare string of digits, or says why not.</summary>
public static class OtpCodeInput
{
    // Note: checked before anything else so a huge posted value costs nothing to refuse.
    private const int MaximumInputLength = 64;

    /// <summary>Accepts the input when it fits any of <paramref name="digitCounts"/> (a user's devices may show 6 or 8 digits).</summary>
    public static bool TryNormalizeAny(string? input, IEnumerable<int> digitCounts, out string code, out OtpCodeError error)
    {
        code = string.Empty;
        error = new OtpCodeError(OtpCodeProblem.Missing, 0);
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
    /// <paramref name="error"/> says why (<see cref="OtpCodeError"/>).
    /// </summary>
    public static bool TryNormalize(string? input, int digits, out string code, out OtpCodeError error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 10);
        code = string.Empty;
        var wrongLength = new OtpCodeError(OtpCodeProblem.WrongLength, digits);

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
            error = new OtpCodeError(OtpCodeProblem.Missing, digits);
            return false;
        }

        if (otherCharacter)
        {
            error = new OtpCodeError(OtpCodeProblem.NotDigits, digits);
            return false;
        }

        if (count != digits)
        {
            error = wrongLength;
            return false;
        }

        code = new string(buffer[..count]);
        error = default;
        return true;
    }
}
