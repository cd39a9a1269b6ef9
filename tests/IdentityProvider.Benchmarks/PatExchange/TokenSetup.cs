using System.Net;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.Benchmarks.PatExchange;

/// <summary>Gets a token the way a user does: signs in and fills in "Create token", reading the token shown once.</summary>
public static class TokenSetup
{
    public static async Task<string> CreateTokenAsync(Uri baseAddress, string email, string password)
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new ProviderClient(new HttpClient(handler) { BaseAddress = baseAddress });
        (await UserStories.SignInWithPasswordAsync(client, email, password)).As<ManagePage>();
        var created = await (await CreateTokenPage.OpenAsync(client)).SubmitAsync(new TokenForm("benchmark", "1", false, "api"));
        return created.NewToken ?? throw new InvalidOperationException($"No token was shown after creation: {created.Text.Trim()}");
    }
}
