using System.Text.Encodings.Web;
using System.Text.Unicode;
using IdentityProvider.Connect;
using IdentityProvider.Localization;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Localization;

namespace IdentityProvider.Hosting;

public static class LocalizationSetup
{
    /// <summary>Resource files under <c>Resources/</c>, named after the marker classes of <c>Localization/</c>.</summary>
    public static IServiceCollection AddProviderLocalization(this IServiceCollection services, UiSettings ui)
    {
        services.AddLocalization(options => options.ResourcesPath = Languages.ResourcesPath);
        services.AddSingleton(ui);
        services.AddScoped<LocalTimes>();
        services.AddModelBindingTexts();
        // Note: the pages' letters go out as letters. Razor's default encoder allows Basic Latin only, so every Cyrillic
        // letter was sent as a numeric entity (three times the bytes, unreadable source); markup characters stay encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic, UnicodeRanges.CyrillicSupplement,
            UnicodeRanges.GeneralPunctuation, UnicodeRanges.LetterlikeSymbols));
        return services;
    }

    /// <summary>
    /// The language of each request: the language switch's cookie, else the relying party's <c>ui_locales</c> for its
    /// sign-in, else the browser's <c>Accept-Language</c>, else <c>Ui:DefaultLanguage</c>. Dates and numbers follow it
    /// (the provider runs with ICU for that).
    /// </summary>
    public static IApplicationBuilder UseProviderLocalization(this IApplicationBuilder app, UiSettings ui)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(ui.DefaultLanguage)
            .AddSupportedCultures(ui.Languages)
            .AddSupportedUICultures(ui.Languages);
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = Languages.CookieName },
            new UiLocalesCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }
}
