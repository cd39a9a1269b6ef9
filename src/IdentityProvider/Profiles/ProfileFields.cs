using IdentityProvider.Localization;
using IdentityProvider.Text;

namespace IdentityProvider.Profiles;

/// <summary>
/// The rules for a user's profile fields, for the account page, the admin pages and the admin API alike: names as
/// <see cref="DisplayText"/> allows them (trimmed, NFC, no control or invisible characters), a phone number in an
/// E.164-like form. Each returns the normalised value, or why it is refused.
/// </summary>
public static class ProfileFields
{
    /// <summary>The display name (<c>name</c>); required.</summary>
    public const int MaxNameLength = 200;

    public const int MaxGivenNameLength = 100;

    public const int MaxFamilyNameLength = 100;

    /// <summary>What may be typed for a phone number, separators included; the number itself has 7 to 15 digits.</summary>
    public const int MaxPhoneNumberInputLength = 32;

    public const int MinPhoneDigits = 7;

    public const int MaxPhoneDigits = 15;

    /// <summary>The display name, required.</summary>
    public static Sentence? Name(string? input, out string name)
    {
        DisplayText.TryNormalize(input, "Profile.Name", MaxNameLength, out name, out var error);
        return error.Message;
    }

    /// <summary>The given name; blank clears it (null).</summary>
    public static Sentence? GivenName(string? input, out string? name)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        DisplayText.TryNormalize(input, "Profile.GivenName", MaxGivenNameLength, out var text, out var error);
        name = text;
        return error.Message;
    }

    /// <summary>The family name; blank clears it (null).</summary>
    public static Sentence? FamilyName(string? input, out string? name)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        DisplayText.TryNormalize(input, "Profile.FamilyName", MaxFamilyNameLength, out var text, out var error);
        name = text;
        return error.Message;
    }

    /// <summary>
    /// The phone number, E.164-like: an optional <c>+</c>, then 7 to 15 digits, spaces and dashes allowed between them and
    /// dropped (<c>+49 30 1234-5678</c> is <c>+493012345678</c>); blank clears it (null).
    /// </summary>
    public static Sentence? PhoneNumber(string? input, out string? phone)
    {
        phone = null;
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return null;
        }

        var plus = trimmed[0] == '+';
        var rest = plus ? trimmed[1..] : trimmed;
        var digits = new string([.. rest.Where(char.IsAsciiDigit)]);
        if (trimmed.Length > MaxPhoneNumberInputLength
            || !rest.All(character => char.IsAsciiDigit(character) || character is ' ' or '-')
            || digits.Length is < MinPhoneDigits or > MaxPhoneDigits)
        {
            return new Sentence("Profile.PhoneNumber.Invalid", MinPhoneDigits, MaxPhoneDigits);
        }

        phone = plus ? "+" + digits : digits;
        return null;
    }
}
