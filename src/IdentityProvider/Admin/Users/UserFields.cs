using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using IdentityProvider.Localization;
using IdentityProvider.Profiles;
using IdentityProvider.Text;

namespace IdentityProvider.Admin.Users;

/// <summary>The rules for what an administrator types about a user, with the message for each field.</summary>
public static partial class UserFields
{
    public const int MaxEmailLength = 256;
    public const int MaxNameLength = ProfileFields.MaxNameLength;
    public const int MaxPasswordLength = 1024;
    public const int MaxRoles = 20;

    private static readonly EmailAddressAttribute EmailFormat = new();

    public static Sentence? CheckEmail(string? email) => email?.Trim() switch
    {
        null or "" => new Sentence("User.Email.Missing"),
        { Length: > MaxEmailLength } => new Sentence("User.Email.TooLong", MaxEmailLength),
        // Note: control characters (NUL included) never reach the database, whatever the e-mail check allows.
        var text when DisplayText.HasHiddenCharacters(text) => new Sentence("User.Email.Hidden"),
        var text when !EmailFormat.IsValid(text) => new Sentence("User.Email.Invalid"),
        _ => null,
    };

    /// <summary>The display name's rule, the same as on the account page (<see cref="ProfileFields.Name"/>).</summary>
    public static Sentence? CheckName(string? name) => ProfileFields.Name(name, out _);

    public static Sentence? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null)
        {
            return null;
        }

        if (roles.Count > MaxRoles)
        {
            return new Sentence("User.Roles.TooMany", MaxRoles);
        }

        return roles.FirstOrDefault(role => !RoleName().IsMatch(role ?? "")) is { } bad
            ? new Sentence("User.Roles.Invalid", Printable(bad))
            : null;
    }

    public static Sentence? CheckPasswordLength(string? password) =>
        password is { Length: > MaxPasswordLength } ? new Sentence("User.Password.TooLong", MaxPasswordLength) : null;

    /// <summary>The distinct role names, in a stable order.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> roles) =>
        [.. roles.Select(role => role.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    private static string Printable(string? text) =>
        new([.. (text ?? "").Take(64).Select(character => char.IsControl(character) ? '?' : character)]);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex RoleName();
}
