using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Localization;

/// <summary>
/// The language of the pages: the browser's <c>Accept-Language</c>, overruled by the footer's language switch, whose
/// choice a cookie keeps; English when the browser asks for nothing the provider speaks.
/// </summary>
public sealed class LanguageTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task BrowserAsksForRussian_PagesAreRussian_AndTheSwitchOffersBothLanguagesInTheirOwnWords()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = ClientSpeaking("ru-RU,ru;q=0.9,en;q=0.8");

        var login = await LoginPage.OpenAsync(client);
        var account = await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password).As<ManagePage>();

        Assert.Equal("ru", login.Language());
        Assert.Equal("ru", login.ChosenLanguage());
        Assert.Equal(["English", "Русский"], login.OfferedLanguages());
        Assert.Contains("Выйти", account.Text);
    }

    [Fact]
    public async Task BrowserAsksForALanguageNotSpoken_PagesAreEnglish()
    {
        using var client = ClientSpeaking("de-DE,de;q=0.9");

        var login = await LoginPage.OpenAsync(client);

        Assert.Equal("en", login.Language());
    }

    [Fact]
    public async Task TheSwitch_OpensTheSamePageInTheChosenLanguage_AndTheChoiceOutlastsTheBrowsersWish()
    {
        using var client = ClientSpeaking("en-GB,en;q=0.9");
        var login = await LoginPage.OpenAsync(client, UserStories.WebRequest());

        var russian = (await login.ChooseLanguageAsync("ru")).As<LoginPage>();
        var later = await ForgotPasswordPage.OpenAsync(client);
        var english = (await later.ChooseLanguageAsync("en")).As<ForgotPasswordPage>();

        Assert.Equal("ru", russian.Language());
        Assert.Equal(login.Page.Uri, russian.Page.Uri);
        Assert.Equal("ru", later.Language());
        Assert.Equal("en", english.Language());
    }

    [Theory]
    [InlineData("ru", "https://evil.example/")]
    [InlineData("ru", "//evil.example/")]
    [InlineData("ru", "/\\evil.example/")]
    [InlineData("de", "/")]
    public async Task TheSwitch_NeverLeavesTheProvider_AndIgnoresLanguagesNotSpoken(string language, string returnUrl)
    {
        using var client = ClientSpeaking("en");
        var login = await LoginPage.OpenAsync(client);

        using var answer = await login.PostLanguageAsync(language, returnUrl);
        var next = await LoginPage.OpenAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location?.OriginalString);
        Assert.Equal(language == "ru" ? "ru" : "en", next.Language());
    }

    [Fact]
    public async Task RelyingPartyAsksForRussian_TheSignInSpeaksRussian_InAnEnglishBrowser()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        await UserStories.EnrolTotpAsync(provider.Factory, user.Id); // so the password leads on to the OTP step
        using var client = ClientSpeaking("en-GB,en;q=0.9");
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["ui_locales"] = "de ru-RU en" });

        var login = await LoginPage.OpenAsync(client, request);
        var otpStep = await UserStories.PasswordToOtpPageAsync(client, request, user);
        var later = await LoginPage.OpenAsync(client);

        Assert.Equal("ru", login.Language());
        Assert.Equal("ru", otpStep.Language());
        Assert.Equal("en", later.Language()); // the relying party's wish lasts for its sign-in only
    }

    [Fact]
    public async Task TheSwitchsChoice_OutranksTheRelyingPartysUiLocales()
    {
        using var client = ClientSpeaking("en");
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["ui_locales"] = "ru" });
        var login = await LoginPage.OpenAsync(client, request);

        var english = (await login.ChooseLanguageAsync("en")).As<LoginPage>();

        Assert.Equal("ru", login.Language());
        Assert.Equal("en", english.Language());
    }

    [Fact]
    public async Task Discovery_ListsTheLanguagesUiLocalesMayAskFor()
    {
        using var client = provider.CreateClient();

        var discovery = await client.Http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(["en", "ru"], discovery.GetProperty("ui_locales_supported").EnumerateArray().Select(language => language.GetString()));
    }

    private ProviderClient ClientSpeaking(string acceptLanguage)
    {
        var client = provider.CreateClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return client;
    }
}
