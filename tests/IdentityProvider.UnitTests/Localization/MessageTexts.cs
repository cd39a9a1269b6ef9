using System.Globalization;
using IdentityProvider.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IdentityProvider.UnitTests.Localization;

/// <summary>The provider's own message resource, read in a chosen language as a page of that language reads it.</summary>
internal static class MessageTexts
{
    private static readonly IStringLocalizer<MessageText> Texts = new StringLocalizer<MessageText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = Languages.ResourcesPath }), NullLoggerFactory.Instance));

    public static string In(string language, Sentence sentence)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return sentence.In(Texts);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
