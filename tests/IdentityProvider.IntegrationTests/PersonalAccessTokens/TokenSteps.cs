using AngleSharp.Html.Dom;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.IntegrationTests.Accounts;
using IdentityProvider.IntegrationTests.TwoStep;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.PersonalAccessTokens;

/// <summary>A token issued for a test: its secret (as shown once) and its id.</summary>
public sealed record IssuedToken(string Secret, Guid Id);

/// <summary>Users, tokens, pages and exchanges for the personal access token tests.</summary>
internal static class TokenSteps
{
    public const string GrantType = "urn:identityprovider:grant-type:personal_access_token";
    public const string TokensPath = "/Manage/Tokens";
    public const string CreatePath = "/Manage/Tokens/Create";

    /// <summary>A fresh user signed in at the account page (password only: the account pages need no second step).</summary>
    public static async Task<(TestUser User, ProviderClient Client)> SignedInUserAsync(ProviderFixture provider)
    {
        var user = await TwoStepSteps.CreateUserAsync(provider.Factory);
        var client = provider.CreateClient();
        await AccountSteps.SignInAsync(client, user.Email, user.Password);
        return (user, client);
    }

    /// <summary>Issues a token through the same service the "Create token" page uses.</summary>
    public static async Task<IssuedToken> IssueAsync(ProviderFactory factory, string userId, string? label = null,
        int? days = 30, bool noExpiry = false, params string[] scopes)
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserTokens>().CreateAsync(userId,
            new NewTokenInput(label ?? $"t-{Guid.NewGuid():N}"[..12], days, noExpiry, scopes.Length > 0 ? scopes : ["api"]));
        Assert.True(result.Succeeded, string.Join(" | ", result.Problems.Select(problem => $"{problem.Field}: {problem.Message}")));
        return new IssuedToken(result.Secret!, result.Token!.Id);
    }

    public static async Task<bool> RevokeAsync(ProviderFactory factory, string userId, Guid tokenId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserTokens>().RevokeAsync(userId, tokenId);
    }

    /// <summary>The grant as a script sends it: grant type, token, client id and, optionally, scope.</summary>
    public static Task<TokenResponse> ExchangeAsync(HttpClient http, string token, string clientId = TokenFixture.Client, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = GrantType, ["token"] = token, ["client_id"] = clientId };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return TokenResponse.PostAsync(http, "/connect/token", form);
    }

    public static async Task<PersonalAccessToken> ReadAsync(ProviderFactory factory, Guid tokenId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.PersonalAccessTokens.AsNoTracking().SingleAsync(token => token.Id == tokenId);
    }

    public static async Task<List<PersonalAccessToken>> ReadAllAsync(ProviderFactory factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.PersonalAccessTokens.AsNoTracking().Where(token => token.UserId == userId).ToListAsync();
    }

    /// <summary>Changes a stored token directly (e.g. its expiry), as time or another instance would.</summary>
    public static async Task UpdateAsync(ProviderFactory factory, Guid tokenId, Action<PersonalAccessToken> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        change(await db.PersonalAccessTokens.SingleAsync(token => token.Id == tokenId));
        await db.SaveChangesAsync();
    }

    public static async Task UpdateUserAsync(ProviderFactory factory, string userId, Action<ApplicationUser> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        change(await db.Users.SingleAsync(user => user.Id == userId));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Opens "Create token" and posts it with the given fields (repeatable names, for several scopes),
    /// keeping the form's hidden fields (antiforgery token).
    /// </summary>
    public static async Task<ProviderPage> SubmitCreateAsync(ProviderClient client, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(CreatePath);
        Assert.Equal(CreatePath, page.Uri.AbsolutePath);
        var form = page.Document.QuerySelector("main form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No create form on {page.Uri}: {page.Text.Trim()}");
        // Fields first: a checkbox's "true" must precede the hidden "false" that Razor adds for it.
        var values = fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))
            .Concat(form.Elements.OfType<IHtmlInputElement>()
                .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
                .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value)))
            .ToList();
        return await client.FollowAsync(await client.Http.PostAsync(CreatePath, new FormUrlEncodedContent(values)));
    }

    public static Task<ProviderPage> CreateAsync(ProviderClient client, string label, string days = "30", string scope = "api") =>
        SubmitCreateAsync(client, ("Input.Label", label), ("Input.ExpiresInDays", days), ("Input.Scopes", scope));

    /// <summary>The token shown once on the page after creation, or null when none is shown.</summary>
    public static string? ShownToken(ProviderPage page) => page.Document.QuerySelector("input#new-token")?.GetAttribute("value");

    /// <summary>The labels listed on "Manage tokens".</summary>
    public static async Task<string[]> ListedLabelsAsync(ProviderClient client)
    {
        var page = await client.GetAsync(TokensPath);
        return page.Document.QuerySelectorAll("#tokens tbody tr td:first-child").Select(cell => cell.TextContent.Trim()).ToArray();
    }
}
