namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// The user's name for a personal access token. Uniqueness among the user's active tokens needs
/// the database, so the token service checks it; this only checks what the text alone decides.
/// </summary>
public static class TokenLabel
{
    /// <summary>Counted in UTF-16 units, so the label also fits a 20-character database column.</summary>
    public const int MaxLength = 20;

    public static bool TryNormalize(string? input, out string label, out string error)
    {
        string trimmed = input?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Fail("Enter a label.", out label, out error);
        }

        if (trimmed.Length > MaxLength)
        {
            return Fail($"The label can have at most {MaxLength} characters.", out label, out error);
        }

        label = trimmed;
        error = string.Empty;
        return true;
    }

    private static bool Fail(string message, out string label, out string error)
    {
        label = string.Empty;
        error = message;
        return false;
    }
}
