using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

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
/// A refused name: in the reader's language the entry <c>{subject}.{Problem}</c> of the page's resource, its <c>{0}</c>
/// the maximum length (<see cref="In"/>: the sentence depends on the thing named, and in Russian on its gender);
/// <see cref="English"/> names the thing with <see cref="What"/> (answers without a reader's language, the admin API).
/// Note: converts to its English text where a string is expected, for callers that do not translate it.
/// </summary>
/// <param name="What">What is named, in English with its article: "a label", "a name for the device".</param>
public readonly record struct DisplayTextError(DisplayTextProblem Problem, string What, int MaxLength)
{
    public string English => Problem switch
    {
        DisplayTextProblem.None => "",
        DisplayTextProblem.Missing => $"Enter {What}.",
        DisplayTextProblem.HiddenCharacters => $"The {Noun} cannot contain control characters or invisible characters.",
        DisplayTextProblem.InvalidText => $"The {Noun} is not valid text.",
        _ => $"The {Noun} can have at most {MaxLength} characters.",
    };

    // "a label" -> "label": the article reads well in "Enter a label." but not in "The label …".
    private string Noun => What.StartsWith("a ", StringComparison.Ordinal) ? What[2..] : What.StartsWith("an ", StringComparison.Ordinal) ? What[3..] : What;

    /// <summary>The key of the sentence for names of <paramref name="subject"/> (a key prefix such as <c>DeviceName</c>).</summary>
    public string Key(string subject) => $"{subject}.{Problem}";

    /// <summary>The sentence from <paramref name="text"/> (the page's resource) for names of <paramref name="subject"/>.</summary>
    public string In(IStringLocalizer text, string subject) => Problem == DisplayTextProblem.None ? "" : text[Key(subject), MaxLength];

    public override string ToString() => English;

    public static implicit operator string(DisplayTextError error) => error.English;
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
    /// Trims and normalises <paramref name="input"/>; false with the reason (<see cref="DisplayTextError"/>, its English
    /// naming <paramref name="what"/>) when it is blank, too long (UTF-16 units, as the database column counts), or
    /// holds a hidden character.
    /// </summary>
    public static bool TryNormalize(string? input, string what, int maxLength, out string text, out DisplayTextError error)
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

        error = new DisplayTextError(problem, what, maxLength);
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
