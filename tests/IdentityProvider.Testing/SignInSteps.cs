using IdentityProvider.Testing.Pages;

namespace IdentityProvider.Testing;

/// <summary>The common journeys a test starts from. Superseded by <see cref="Stories.UserStories"/>: being removed.</summary>
public static class SignInSteps
{
    public static AuthorizationRequest WebRequest(IReadOnlyDictionary<string, string>? extra = null) =>
        new("web", TestData.WebRedirectUri, "openid profile email offline_access roles") { Extra = extra ?? new Dictionary<string, string>() };

    /// <summary>Opens the authorize URL, lands on the password page and submits it.</summary>
    public static async Task<ProviderPage> SignInAsync(ProviderClient client, AuthorizationRequest request, string email, string password) =>
        await (await LoginPage.OpenAsync(client, request)).SignInAsync(email, password);

    public static Task<ProviderPage> SubmitPasswordAsync(ProviderClient client, ProviderPage login, string email, string password) =>
        login.As<LoginPage>().SignInAsync(email, password);

    /// <summary>Signs Alice in at the web client and exchanges the code.</summary>
    public static async Task<TokenResponse> AliceTokensAsync(ProviderClient client, AuthorizationRequest? request = null)
    {
        request ??= WebRequest();
        var page = await SignInAsync(client, request, "alice@example.com", TestData.AlicePassword);
        return await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
    }
}
