using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using IdentityProvider.Text;

namespace IdentityProvider.Admin;

/// <summary>The rules for what an administrator types about a user, with the message for each field.</summary>
public static partial class UserFields
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = 200;
    public const int MaxPasswordLength = 1024;
    public const int MaxRoles = 20;

    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>Splits the roles typed in one field (commas or spaces) into names.</summary>
    public static IReadOnlyList<string> SplitRoles(string? typed) =>
        (typed ?? "").Split([',', ' ', ';', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? CheckEmail(string? email) => email?.Trim() switch
    {
        null or "" => "Enter the e-mail address.",
        { Length: > MaxEmailLength } => $"The e-mail address can have at most {MaxEmailLength} characters.",
        // Note: control characters (NUL included) never reach the database, whatever the e-mail check allows.
        var text when DisplayText.HasHiddenCharacters(text) => "The e-mail address cannot contain control characters or invisible characters.",
        var text when !EmailFormat.IsValid(text) => "Enter a valid e-mail address.",
        _ => null,
    };

    public static string? CheckName(string? name) => name?.Trim() switch
    {
        null or "" => "Enter the name.",
        { Length: > MaxNameLength } => $"The name can have at most {MaxNameLength} characters.",
        var text when DisplayText.HasHiddenCharacters(text) => "The name cannot contain control characters or invisible characters.",
        _ => null,
    };

    public static string? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null)
        {
            return null;
        }

        if (roles.Count > MaxRoles)
        {
            return $"Give at most {MaxRoles} roles.";
        }

        return roles.FirstOrDefault(role => !RoleName().IsMatch(role ?? "")) is { } bad
            ? $"\"{Printable(bad)}\" is not a role name: use 1 to 64 letters, digits, dots, dashes or underscores."
            : null;
    }

    public static string? CheckPasswordLength(string? password) =>
        password is { Length: > MaxPasswordLength } ? $"The password can have at most {MaxPasswordLength} characters." : null;

    /// <summary>The distinct role names, in a stable order.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> roles) =>
        [.. roles.Select(role => role.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    private static string Printable(string? text) =>
        new([.. (text ?? "").Take(64).Select(character => char.IsControl(character) ? '?' : character)]);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex RoleName();
}
