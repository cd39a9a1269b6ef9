using System.Globalization;

namespace IdentityProvider.Localization;

/// <summary>The languages the pages are offered in, each named in itself on the language switch.</summary>
public static class Languages
{
    /// <summary>Remembers the choice of the language switch (the framework's culture cookie format).</summary>
    public const string CookieName = "idp.lang";

    /// <summary>Where the resource files are, named after the marker classes of this folder (<c>Resources/Localization/AdminText.ru.resx</c>).</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>"English", "Русский": a language is offered in its own words, so anyone finds their own.</summary>
    public static string NativeName(string language) =>
        CultureInfo.GetCultureInfo(language) is var culture && culture.NativeName.Length > 0
            ? char.ToUpper(culture.NativeName[0], culture) + culture.NativeName[1..]
            : language;

    /// <summary>The two-letter language of this request's pages.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
