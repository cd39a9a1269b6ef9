using IdentityProvider.Localization;
using IdentityProvider.Text;

namespace IdentityProvider.Clients;

/// <summary>Checks shared by client and scope fields: required, bounded, printable, from an allowed alphabet.</summary>
internal static class TextRules
{
    /// <summary>
    /// Null when <paramref name="value"/> is fine; else what is wrong, under the keys <c>Rules.{field}.*</c> of the
    /// message texts.
    /// </summary>
    public static Sentence? Text(string value, string field, int maxLength, bool required = true)
    {
        if (required && value.Length == 0)
        {
            return new Sentence($"Rules.{field}.Required");
        }

        if (value.Length > maxLength)
        {
            return new Sentence($"Rules.{field}.TooLong", maxLength);
        }

        // Note: no NUL or other control character reaches the database (PostgreSQL refuses NUL in text anyway).
        return DisplayText.HasHiddenCharacters(value) ? new Sentence($"Rules.{field}.Hidden") : null;
    }

    public static Sentence? Identifier(string value, string field, int maxLength) =>
        Text(value, field, maxLength)
        ?? (value.All(IsIdentifierCharacter) ? null : new Sentence($"Rules.{field}.Alphabet", new Sentence("Rules.IdentifierAlphabet")));

    /// <summary>What identifiers (client ids, scope names) may contain (<c>Rules.IdentifierAlphabet</c> says it): they appear in URLs, tokens and forms.</summary>
    private static bool IsIdentifierCharacter(char character) =>
        char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '~' or ':' or '-';
}
