using System.Globalization;
using System.Text;
using IdentityProvider.Localization;

namespace IdentityProvider.Text;

/// <summary>Why a name was refused.</summary>
public enum DisplayTextProblem
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Blank.</summary>
    Missing,

    /// <summary>Holds a control or format character.</summary>
    HiddenCharacters,

    /// <summary>Holds a lone surrogate.</summary>
    InvalidText,

    /// <summary>Longer than the maximum after normalisation.</summary>
    TooLong,
}

/// <summary>
/// A refused name: the reader is told the entry <c>{Subject}.{Problem}</c> of the message texts, its <c>{0}</c> the
/// maximum length (a sentence per thing named, as Russian words it by the noun's gender).
/// </summary>
/// <param name="Subject">The key prefix of the thing named: <c>DeviceName</c>, <c>TokenLabel</c>, <c>Profile.Name</c>.</param>
public readonly record struct DisplayTextError(DisplayTextProblem Problem, string Subject, int MaxLength)
{
    /// <summary>What the reader is told; null when not refused.</summary>
    public Sentence? Message => Problem == DisplayTextProblem.None ? null : new Sentence($"{Subject}.{Problem}", MaxLength);
}

/// <summary>
/// Names people give to things and others read back (token labels, device names, user and client names).
/// Warning: control characters (Unicode Cc: BEL, ESC, NUL…) and format characters (Cf: bidi overrides such as
/// U+202E, zero-width spaces and joiners) are refused, so a name cannot hide, reorder or spoof what an
/// administrator or the user sees. The text is normalised to NFC (with ICU, which the provider runs with), so "é"
/// typed two ways is one name.
/// </summary>
public static class DisplayText
{
    /// <summary>Whether the text holds a control or format character.</summary>
    public static bool HasHiddenCharacters(string text) =>
        text.Any(character => char.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format);

    /// <summary>
    /// Trims and normalises <paramref name="input"/>; false with the reason (<see cref="DisplayTextError"/>, worded for
    /// <paramref name="subject"/>) when it is blank, too long (UTF-16 units, as the database column counts), or
    /// holds a hidden character.
    /// </summary>
    public static bool TryNormalize(string? input, string subject, int maxLength, out string text, out DisplayTextError error)
    {
        text = string.Empty;
        var trimmed = input?.Trim() ?? string.Empty;
        var problem = trimmed switch
        {
            "" => DisplayTextProblem.Missing,
            _ when HasHiddenCharacters(trimmed) => DisplayTextProblem.HiddenCharacters,
            _ when !IsValidUnicode(trimmed) => DisplayTextProblem.InvalidText,
            _ => DisplayTextProblem.None,
        };
        var normalized = problem == DisplayTextProblem.None ? trimmed.Normalize(NormalizationForm.FormC) : "";
        if (problem == DisplayTextProblem.None && normalized.Length > maxLength)
        {
            problem = DisplayTextProblem.TooLong;
        }

        error = new DisplayTextError(problem, subject, maxLength);
        if (problem != DisplayTextProblem.None)
        {
            return false;
        }

        text = normalized;
        return true;
    }

    // A lone surrogate cannot be normalised; it is refused as invalid text instead of throwing.
    private static bool IsValidUnicode(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return false;
            }
        }

        return true;
    }
}
