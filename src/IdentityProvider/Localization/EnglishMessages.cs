using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IdentityProvider.Localization;

/// <summary>
/// The <see cref="MessageText"/> resource read in English whatever the request's language: the admin API's problem
/// documents, logs and exceptions are in English, from the same resource the pages translate.
/// </summary>
/// <remarks>
/// Note: static, so an exception or a result record can give its English without a container. The framework's
/// localizer reads the current UI culture, so each lookup sets English for its own synchronous duration.
/// </remarks>
public static class EnglishMessages
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly IStringLocalizer Texts =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = Languages.ResourcesPath }), NullLoggerFactory.Instance)
            .Create(typeof(MessageText));

    public static LocalizedString Get(string key, object[] arguments)
    {
        var reader = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = English;
        try
        {
            return Texts[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = reader;
        }
    }
}
