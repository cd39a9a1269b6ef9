using System.Net.Http.Json;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>What the user administration tests share: API calls, audit rows, and the credentials a user holds.</summary>
internal static class UserSteps
{
    public const string UsersApi = "/api/admin/users";
    public const string PatGrant = "urn:identityprovider:grant-type:personal_access_token";

    public static string UserApi(string id) => $"{UsersApi}/{Uri.EscapeDataString(id)}";

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, object? body = null) =>
        http.PostAsJsonAsync(path, body ?? new { });

    public static Task<HttpResponseMessage> PatchJsonAsync(HttpClient http, string path, object body) =>
        http.PatchAsJsonAsync(path, body);

    /// <summary>The rows of <paramref name="kind"/> about the user, oldest first.</summary>
    public static async Task<List<SecurityEvent>> EventsAsync(ProviderFactory factory, string userId, string kind) =>
        [.. (await factory.SecurityEventsAsync(userId)).Where(row => row.Kind == kind)];

    public static Task<int> CountUsersWithEmailAsync(ProviderFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.CountAsync(user => user.NormalizedEmail == email.ToUpperInvariant()));

    /// <summary>A personal access token of the user (scope api), through the service the "Create token" page uses.</summary>
    public static async Task<string> IssueTokenAsync(ProviderFactory factory, string userId)
    {
        var result = await factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens =>
            tokens.CreateAsync(userId, new NewTokenInput($"t-{Guid.NewGuid():N}"[..12], 30, false, ["api"])));
        Assert.True(result.Succeeded, string.Join(" | ", result.Problems.Select(problem => problem.Message)));
        return result.Value!.Secret;
    }

    public static Task<TokenResponse> ExchangeTokenAsync(HttpClient http, string token) =>
        TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = PatGrant,
            ["token"] = token,
            ["client_id"] = UserFixture.TokenClient,
        });

    /// <summary>The user signs in at the web client (password only) and gets tokens, a refresh token among them.</summary>
    public static async Task<TokenResponse> WebTokensAsync(ProviderClient client, TestUser user)
    {
        var request = UserStories.WebRequest();
        var redirect = await UserStories.SignInWithPasswordAsync(client, request, user);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, redirect);
        Assert.NotNull(tokens.RefreshToken);
        return tokens;
    }
}
