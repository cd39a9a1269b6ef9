namespace IdentityProvider.Testing.Pages;

/// <summary>The language switch in every page's footer, and the language a page is written in.</summary>
public static class LanguageSwitch
{
    public const string Path = "/Language";

    private const string Form = "form#language-switch";

    /// <summary>The page's language, from <c>&lt;html lang&gt;</c>.</summary>
    public static string Language(this PageObject page) => page.Page.Document.DocumentElement.GetAttribute("lang") ?? "";

    /// <summary>The languages offered, as the switch names them ("English", "Русский").</summary>
    public static IReadOnlyList<string> OfferedLanguages(this PageObject page) =>
        page.Page.Document.QuerySelectorAll($"{Form} button").Select(button => button.TextContent.Trim()).ToList();

    /// <summary>The language the switch marks as the current one.</summary>
    public static string? ChosenLanguage(this PageObject page) =>
        page.Page.Document.QuerySelector($"{Form} button[aria-pressed=true]")?.GetAttribute("value");

    /// <summary>Presses the switch's button for <paramref name="language"/> (<c>en</c>, <c>ru</c>); where that leads.</summary>
    public static Task<ProviderPage> ChooseLanguageAsync(this PageObject page, string language) =>
        page.Client.SubmitAsync(page.Page, button: ("language", language), formSelector: Form);

    /// <summary>The switch's form posted with another return address (an open-redirect attempt); the one response.</summary>
    public static Task<HttpResponseMessage> PostLanguageAsync(this PageObject page, string language, string returnUrl) =>
        page.Client.PostFormAsync(page.Page, new Dictionary<string, string> { ["returnUrl"] = returnUrl }, ("language", language), Form);
}
