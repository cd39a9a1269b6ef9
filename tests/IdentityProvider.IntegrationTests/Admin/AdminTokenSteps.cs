using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>A token issued for a test: its secret (as shown once) and its id.</summary>
public sealed record AdminTestToken(string Secret, Guid Id);

/// <summary>Personal access tokens for the administration tests: issued through the provider's service, exchanged as a script would.</summary>
internal static class AdminTokenSteps
{
    public static async Task<AdminTestToken> IssueAsync(ProviderFactory factory, string userId, string label, params string[] scopes)
    {
        var result = await TryIssueAsync(factory, userId, label, scopes);
        Assert.True(result.Succeeded, string.Join(" | ", result.Problems.Select(problem => $"{problem.Field}: {problem.Message}")));
        return new AdminTestToken(result.Value!.Secret, result.Value.Token.Id);
    }

    public static Task<ChangeResult<CreatedToken>> TryIssueAsync(ProviderFactory factory, string userId, string label, params string[] scopes) =>
        factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens => tokens.CreateAsync(userId, new NewTokenInput(label, 30, false, scopes)));

    /// <summary>The personal access token grant at the token endpoint, by the fixture's script client.</summary>
    public static async Task<TokenResponse> ExchangeAsync(ProviderFactory factory, string token, string? scope = null)
    {
        using var http = factory.CreateClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
            ["token"] = token,
            ["client_id"] = AdminTokenFixture.Client,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await TokenResponse.PostAsync(http, "/connect/token", form);
    }
}
