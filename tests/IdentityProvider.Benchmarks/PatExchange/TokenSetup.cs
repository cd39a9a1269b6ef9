using System.Net;
using IdentityProvider.Testing;

namespace IdentityProvider.Benchmarks.PatExchange;

/// <summary>Gets a token the way a user does: signs in and fills in "Create token", reading the token shown once.</summary>
public static class TokenSetup
{
    public static async Task<string> CreateTokenAsync(Uri baseAddress, string email, string password)
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new ProviderClient(new HttpClient(handler) { BaseAddress = baseAddress });
        var login = await client.GetAsync("/Account/Login");
        await client.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        var form = await client.GetAsync("/Manage/Tokens/Create");
        var created = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Label"] = "benchmark",
            ["Input.ExpiresInDays"] = "1",
            ["Input.Scopes"] = "api",
        });
        return created.Document.QuerySelector("input#new-token")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No token was shown after creation: {created.Text.Trim()}");
    }
}
