using IdentityProvider.Text;

namespace IdentityProvider.Clients;

/// <summary>Checks shared by client and scope fields: required, bounded, printable, from an allowed alphabet.</summary>
internal static class TextRules
{
    /// <summary>What identifiers (client ids, scope names) may contain: they appear in URLs, tokens and forms.</summary>
    public const string IdentifierAlphabet = "letters, digits and . _ ~ : -";

    /// <summary>Null when <paramref name="value"/> is fine; else the message, starting with <paramref name="label"/>.</summary>
    public static string? Text(string value, string label, int maxLength, bool required = true)
    {
        if (required && value.Length == 0)
        {
            return $"{label} is required.";
        }

        if (value.Length > maxLength)
        {
            return $"{label} may have at most {maxLength} characters.";
        }

        // Note: no NUL or other control character reaches the database (PostgreSQL refuses NUL in text anyway).
        return DisplayText.HasHiddenCharacters(value) ? $"{label} may not contain control characters or invisible characters." : null;
    }

    public static string? Identifier(string value, string label, int maxLength) =>
        Text(value, label, maxLength)
        ?? (value.All(IsIdentifierCharacter) ? null : $"{label} may contain only {IdentifierAlphabet}.");

    private static bool IsIdentifierCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '~' or ':' or '-';
}
