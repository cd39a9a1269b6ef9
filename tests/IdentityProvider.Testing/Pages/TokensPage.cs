namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Tokens</c>: the user's personal access tokens; create and revoke.</summary>
public sealed class TokensPage(ProviderPage page) : PageObject(page), IPageObject<TokensPage>
{
    public const string Path = "/Manage/Tokens";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static TokensPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the section; without permission for tokens the provider may refuse it.</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The ids of the tokens listed.</summary>
    public IReadOnlyList<Guid> TokenIds =>
        Page.Document.QuerySelectorAll("#tokens tr[data-token-id]").Select(row => Guid.Parse(row.GetAttribute("data-token-id")!)).ToList();

    /// <summary>The text of the listed token's row (label, last access, dates), or null when it is not listed.</summary>
    public string? RowOf(Guid tokenId) => Page.Document.QuerySelector($"#tokens tr[data-token-id='{tokenId}']")?.TextContent.Trim();

    /// <summary>"Sign-in by token is not allowed for your account."</summary>
    public bool SaysNotAllowed => Page.Document.QuerySelector("#tokens-not-allowed") is not null;

    public bool OffersCreate => Page.Document.QuerySelector("#create-token") is not null;

    public Task<CreateTokenPage> CreateAsync() => CreateTokenPage.OpenAsync(Client);

    public Task<RevokeTokenPage> RevokeAsync(Guid tokenId) => RevokeTokenPage.OpenAsync(Client, tokenId);
}
