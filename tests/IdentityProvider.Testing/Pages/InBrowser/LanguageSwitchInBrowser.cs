using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary><see cref="LanguageSwitch"/> in the browser: the language a page says it is written in, and the one its switch marks.</summary>
public static class LanguageSwitchInBrowser
{
    /// <summary>The page's language, from <c>&lt;html lang&gt;</c>.</summary>
    public static Task<string?> LanguageAsync(IPage page) => page.Locator("html").GetAttributeAsync("lang");

    /// <summary>The language the switch marks as the current one.</summary>
    public static Task<string?> ChosenLanguageAsync(IPage page) =>
        page.Locator("#language-switch button[aria-pressed=true]").GetAttributeAsync("value");
}
