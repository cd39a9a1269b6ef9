using IdentityProvider.Text;

namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// The user's name for a personal access token. Uniqueness among the user's active tokens needs
/// the database, so the token service checks it; this only checks what the text alone decides
/// (<see cref="DisplayText"/>: trimmed, NFC, no hidden characters).
/// </summary>
public static class TokenLabel
{
    /// <summary>Counted in UTF-16 units, so the label also fits a 20-character database column.</summary>
    public const int MaxLength = 20;

    public static bool TryNormalize(string? input, out string label, out DisplayTextError error) =>
        DisplayText.TryNormalize(input, "TokenLabel", MaxLength, out label, out error);
}
