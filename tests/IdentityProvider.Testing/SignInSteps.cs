namespace IdentityProvider.Testing;

/// <summary>The common journeys a test starts from.</summary>
public static class SignInSteps
{
    public static AuthorizationRequest WebRequest(IReadOnlyDictionary<string, string>? extra = null) =>
        new("web", TestData.WebRedirectUri, "openid profile email offline_access roles") { Extra = extra ?? new Dictionary<string, string>() };

    /// <summary>Opens the authorize URL, lands on the password page and submits it.</summary>
    public static async Task<ProviderPage> SignInAsync(ProviderClient client, AuthorizationRequest request, string email, string password)
    {
        var login = await client.GetAsync(request.ToUrl());
        return await SubmitPasswordAsync(client, login, email, password);
    }

    public static Task<ProviderPage> SubmitPasswordAsync(ProviderClient client, ProviderPage login, string email, string password) =>
        client.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Signs Alice in at the web client and exchanges the code.</summary>
    public static async Task<TokenResponse> AliceTokensAsync(ProviderClient client, AuthorizationRequest? request = null)
    {
        request ??= WebRequest();
        var page = await SignInAsync(client, request, "alice@example.com", TestData.AlicePassword);
        return await TokenResponse.ExchangeCodeAsync(client.Http, request, page.Code, TestData.WebSecret);
    }
}
