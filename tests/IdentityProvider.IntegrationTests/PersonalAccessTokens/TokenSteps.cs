using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>A token issued for a test: its secret (as shown once) and its id.</summary>
public sealed record IssuedToken(string Secret, Guid Id);

/// <summary>Tokens issued, read and exchanged for the personal access token tests; the pages go through their page objects.</summary>
internal static class TokenSteps
{
    /// <summary>A fresh user signed in at the account page (password only: the account pages need no second step).</summary>
    public static Task<(TestUser User, ProviderClient Client)> SignedInUserAsync(ProviderFixture provider) => UserStories.SignedInUserAsync(provider);

    /// <summary>Issues a token through the same service the "Create token" page uses.</summary>
    public static async Task<IssuedToken> IssueAsync(ProviderFactory factory, string userId, string? label = null,
        int? days = 30, bool noExpiry = false, params string[] scopes)
    {
        var result = await factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens => tokens.CreateAsync(userId,
            new NewTokenInput(label ?? $"t-{Guid.NewGuid():N}"[..12], days, noExpiry, scopes.Length > 0 ? scopes : ["api"])));
        Assert.True(result.Succeeded, string.Join(" | ", result.Problems.Select(problem => $"{problem.Field}: {problem.Message}")));
        SuiteSecrets.Remember(SuiteSecrets.PersonalAccessToken, result.Value?.Secret);
        return new IssuedToken(result.Value!.Secret, result.Value.Token.Id);
    }

    public static Task<bool> RevokeAsync(ProviderFactory factory, string userId, Guid tokenId) =>
        factory.WithServiceAsync<UserTokens, bool>(tokens => tokens.RevokeAsync(userId, tokenId));

    /// <summary>The grant as a script sends it: grant type, token, client id and, optionally, scope and a client secret.</summary>
    public static Task<TokenResponse> ExchangeAsync(HttpClient http, string token, string clientId = TokenFixture.Client, string? scope = null,
        string? clientSecret = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            [PersonalAccessTokenProtocol.TokenParameter] = token,
            ["client_id"] = clientId,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        return TokenResponse.PostAsync(http, "/connect/token", form);
    }

    public static Task<PersonalAccessToken> ReadAsync(ProviderFactory factory, Guid tokenId) =>
        factory.QueryAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(token => token.Id == tokenId));

    public static Task<List<PersonalAccessToken>> ReadAllAsync(ProviderFactory factory, string userId) =>
        factory.QueryAsync(db => db.PersonalAccessTokens.AsNoTracking().Where(token => token.UserId == userId).ToListAsync());

    /// <summary>Changes a stored token directly (e.g. its expiry), as time or another instance would.</summary>
    public static Task UpdateAsync(ProviderFactory factory, Guid tokenId, Action<PersonalAccessToken> change) =>
        factory.QueryAsync(async db =>
        {
            change(await db.PersonalAccessTokens.SingleAsync(token => token.Id == tokenId));
            return await db.SaveChangesAsync();
        });

    /// <summary>Changes a stored user directly; the same as <see cref="ProviderData.UpdateUserAsync"/>.</summary>
    public static Task UpdateUserAsync(ProviderFactory factory, string userId, Action<ApplicationUser> change) => factory.UpdateUserAsync(userId, change);

    /// <summary>Opens "Create token" and submits a label, a number of days and one scope, as a user fills it in.</summary>
    public static async Task<CreateTokenPage> CreateAsync(ProviderClient client, string label, string days = "30", string scope = "api") =>
        await (await CreateTokenPage.OpenAsync(client)).SubmitAsync(new TokenForm(label, days, false, scope));

    /// <summary>Opens "Create token" and submits exactly <paramref name="form"/>.</summary>
    public static async Task<CreateTokenPage> CreateAsync(ProviderClient client, TokenForm form) =>
        await (await CreateTokenPage.OpenAsync(client)).SubmitAsync(form);

    /// <summary>The labels listed on "Manage tokens".</summary>
    public static async Task<string[]> ListedLabelsAsync(ProviderClient client) =>
        [.. (await TokensPage.OpenAsync(client).As<TokensPage>()).Labels];
}
