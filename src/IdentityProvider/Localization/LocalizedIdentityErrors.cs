using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Localization;

/// <summary>
/// ASP.NET Core Identity's messages that reach people (password rules, a wrong current password) in the reader's
/// language, from <see cref="SharedText"/> (<c>Identity.*</c>); the English texts are Identity's own. Note: outside a
/// request (no language found) Identity's own English text is kept.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Localized(base.DefaultError());

    public override IdentityError ConcurrencyFailure() => Localized(base.ConcurrencyFailure());

    public override IdentityError PasswordMismatch() => Localized(base.PasswordMismatch());

    public override IdentityError InvalidToken() => Localized(base.InvalidToken());

    public override IdentityError UserAlreadyHasPassword() => Localized(base.UserAlreadyHasPassword());

    public override IdentityError PasswordTooShort(int length) => Localized(base.PasswordTooShort(length), length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Localized(base.PasswordRequiresUniqueChars(uniqueChars), uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Localized(base.PasswordRequiresNonAlphanumeric());

    public override IdentityError PasswordRequiresDigit() => Localized(base.PasswordRequiresDigit());

    public override IdentityError PasswordRequiresLower() => Localized(base.PasswordRequiresLower());

    public override IdentityError PasswordRequiresUpper() => Localized(base.PasswordRequiresUpper());

    /// <summary>The error with its description from <c>Identity.{Code}</c>, when the resource has it.</summary>
    private IdentityError Localized(IdentityError error, params object[] arguments)
    {
        var localized = text[$"Identity.{error.Code}", arguments];
        return localized.ResourceNotFound ? error : new IdentityError { Code = error.Code, Description = localized.Value };
    }
}
