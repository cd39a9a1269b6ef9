using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Localization;

/// <summary>The plural forms a count takes: English has one and many; Russian one, few and many (1 код, 2 кода, 5 кодов).</summary>
public enum PluralForm
{
    One,
    Few,
    Many,
}

/// <summary>
/// Texts with a count in them. A resource holds one entry per form, <c>{key}.One</c>, <c>{key}.Few</c> and
/// <c>{key}.Many</c>, in every language (English repeats its plural in <c>Few</c>); <see cref="Plural"/> picks the
/// form of the reader's language.
/// </summary>
public static class Plurals
{
    /// <summary>The form <paramref name="count"/> takes in <paramref name="culture"/>'s language (English rules for any but Russian).</summary>
    public static PluralForm FormOf(long count, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "ru" ? RussianForm(count) : Math.Abs(count) == 1 ? PluralForm.One : PluralForm.Many;

    /// <summary>The Russian word for <paramref name="count"/>: <c>Russian(n, "код", "кода", "кодов")</c>.</summary>
    public static string Russian(long count, string one, string few, string many) => RussianForm(count) switch
    {
        PluralForm.One => one,
        PluralForm.Few => few,
        _ => many,
    };

    /// <summary>
    /// The entry <c>{key}.{form}</c> for <paramref name="count"/> in the reader's language (the current UI culture),
    /// its placeholders filled with <paramref name="arguments"/>.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer text, string key, long count, params object[] arguments) =>
        text[$"{key}.{FormOf(count, CultureInfo.CurrentUICulture)}", arguments];

    // 1, 21, 101: one; 2-4, 22-24: few; 0, 5-20, 25-30, 11-14 and the rest: many.
    private static PluralForm RussianForm(long count)
    {
        var n = Math.Abs(count);
        return (n % 10, n % 100) switch
        {
            (1, not 11) => PluralForm.One,
            (>= 2 and <= 4, < 12 or > 14) => PluralForm.Few,
            _ => PluralForm.Many,
        };
    }
}
