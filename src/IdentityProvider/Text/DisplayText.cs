using System.Globalization;
using System.Text;

namespace IdentityProvider.Text;

/// <summary>
/// Names people give to things and others read back (token labels, device names, user and client names).
/// Warning: control characters (Unicode Cc: BEL, ESC, NUL…) and format characters (Cf: bidi overrides such as
/// U+202E, zero-width spaces and joiners) are refused, so a name cannot hide, reorder or spoof what an
/// administrator or the user sees. The text is normalised to NFC, so "é" typed two ways is one name. Note: that
/// needs ICU; while the provider runs with invariant globalization (Directory.Build.props) it changes nothing.
/// </summary>
public static class DisplayText
{
    /// <summary>Whether the text holds a control or format character.</summary>
    public static bool HasHiddenCharacters(string text) =>
        text.Any(character => char.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format);

    /// <summary>
    /// Trims and normalises <paramref name="input"/>; false with a message naming <paramref name="what"/> when it is
    /// blank, too long (UTF-16 units, as the database column counts), or holds a hidden character.
    /// </summary>
    public static bool TryNormalize(string? input, string what, int maxLength, out string text, out string error)
    {
        text = string.Empty;
        var trimmed = input?.Trim() ?? string.Empty;
        error = trimmed switch
        {
            "" => $"Enter {what}.",
            _ when HasHiddenCharacters(trimmed) => $"The {Noun(what)} cannot contain control characters or invisible characters.",
            _ when !IsValidUnicode(trimmed) => $"The {Noun(what)} is not valid text.",
            _ => string.Empty,
        };
        if (error.Length > 0)
        {
            return false;
        }

        var normalized = trimmed.Normalize(NormalizationForm.FormC);
        if (normalized.Length > maxLength)
        {
            error = $"The {Noun(what)} can have at most {maxLength} characters.";
            return false;
        }

        text = normalized;
        return true;
    }

    // "a label" -> "label": the article reads well in "Enter a label." but not in "The label …".
    private static string Noun(string what) => what.StartsWith("a ", StringComparison.Ordinal) ? what[2..] : what.StartsWith("an ", StringComparison.Ordinal) ? what[3..] : what;

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
