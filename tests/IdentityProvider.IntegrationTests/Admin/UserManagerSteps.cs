using System.Net;
using System.Net.Http.Json;
using System.Text;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;
using static IdentityProvider.Testing.Stories.AdminApiStories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>Who calls the admin API with a user-manager's rights: a user-manager's personal access token, or a service client with <c>idp.users</c>.</summary>
public enum UserManagerCaller
{
    /// <summary>A user-manager's personal access token exchanged for <c>idp.admin</c>.</summary>
    ManagerToken,

    /// <summary>The service client <c>user-desk</c> (client credentials, <c>idp.users</c>).</summary>
    DeskService,
}

/// <summary>What the user-manager tests share: callers of the API, a user with something to help with, and what was written.</summary>
internal static class UserManagerSteps
{
    /// <summary>An API client with a user-manager's rights; the id the security log names for it.</summary>
    public static async Task<(HttpClient Http, string ActorId)> CallerAsync(ProviderFactory factory, UserManagerCaller caller)
    {
        if (caller == UserManagerCaller.DeskService)
        {
            return (ApiClient(factory, await ServiceTokenAsync(factory, UserManagerFixture.UsersScope, UserManagerFixture.DeskClient, UserManagerFixture.DeskSecret)),
                UserManagerFixture.DeskClient);
        }

        var manager = await UserStories.CreateUserAsync(factory, role: ProviderRoles.UserManager);
        return (ApiClient(factory, await ExchangedAsync(factory, manager.Id, AdminScope)), manager.Id);
    }

    /// <summary>A personal access token of the user carrying <paramref name="scopes"/>, exchanged for <paramref name="scope"/>; the access token.</summary>
    public static async Task<string> ExchangedAsync(ProviderFactory factory, string userId, string scope, params string[] scopes)
    {
        var token = await IssueAsync(factory, userId, scopes.Length > 0 ? scopes : [scope]);
        Assert.True(token.Succeeded, string.Join(" | ", token.Problems.Select(problem => problem.Message.English)));
        var exchanged = await ExchangeAsync(factory, token.Value!.Secret, scope);
        Assert.True(exchanged.Status == HttpStatusCode.OK, exchanged.Json.ToString());
        return exchanged.AccessToken!;
    }

    public static Task<ChangeResult<CreatedToken>> IssueAsync(ProviderFactory factory, string userId, params string[] scopes) =>
        factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens =>
            tokens.CreateAsync(userId, new NewTokenInput($"t-{Guid.NewGuid():N}"[..12], 30, false, scopes)));

    public static async Task<TokenResponse> ExchangeAsync(ProviderFactory factory, string token, string scope)
    {
        using var http = factory.CreateClient();
        return await TokenResponse.PostAsync(http, "/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            ["token"] = token,
            ["client_id"] = UserManagerFixture.TokenClient,
            ["scope"] = scope,
        });
    }

    /// <summary>A user with something to help with: a TOTP device, a personal access token (scope api), and optionally a role.</summary>
    public static async Task<HelpedUser> HelpedUserAsync(ProviderFactory factory, string? role = null)
    {
        var user = await UserStories.CreateUserAsync(factory, role);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);
        var token = await IssueAsync(factory, user.Id, "api");
        return new HelpedUser(user, device.Id, token.Value!.Token.Id);
    }

    /// <summary>An in-stock hardware token, imported by the seeded administrators' service client; its serial.</summary>
    public static async Task<string> InStockTokenAsync(ProviderFactory factory)
    {
        using var admin = await ServiceApiClientAsync(factory);
        return (await HardwareTokenStories.ImportRandomTokenAsync(admin, OtpType.Hotp)).Serial;
    }

    /// <summary>An assigned hardware token held by <paramref name="userId"/>; its serial.</summary>
    public static async Task<string> HeldTokenAsync(ProviderFactory factory, string userId)
    {
        var serial = await InStockTokenAsync(factory);
        using var admin = await ServiceApiClientAsync(factory);
        await HardwareTokenStories.AssignAsync(admin, serial, userId);
        return serial;
    }

    /// <summary>Every security-log row about the user (what an action wrote).</summary>
    public static Task<int> EventCountAsync(ProviderFactory factory, string userId) =>
        factory.QueryAsync(db => db.SecurityEvents.CountAsync(row => row.UserId == userId));

    /// <summary>Sends <paramref name="body"/> as JSON (a seed file, as CSV, to the import endpoint, whose routing takes nothing else).</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string path, object? body = null) =>
        http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null
                : path.EndsWith("/import", StringComparison.Ordinal) ? new StringContent(SeedFileSamples.Csv($"{SeedFileSamples.UniqueSerial()},3132333435363738393031323334353637383930,hotp,6,0"), Encoding.UTF8, SeedFiles.CsvMediaType)
                : JsonContent.Create(body ?? new { }),
        });
}

/// <summary>A user with a device and a token, as <see cref="UserManagerSteps.HelpedUserAsync"/> made them.</summary>
internal sealed record HelpedUser(TestUser User, Guid DeviceId, Guid TokenId)
{
    public string Id => User.Id;

    /// <summary>The API path with <c>{user}</c>, <c>{device}</c> and <c>{token}</c> filled in (and <c>{serial}</c> when given).</summary>
    public string Fill(string template, string serial = "none") =>
        template.Replace("{user}", Uri.EscapeDataString(Id), StringComparison.Ordinal)
            .Replace("{device}", DeviceId.ToString(), StringComparison.Ordinal)
            .Replace("{token}", TokenId.ToString(), StringComparison.Ordinal)
            .Replace("{serial}", Uri.EscapeDataString(serial), StringComparison.Ordinal);
}
