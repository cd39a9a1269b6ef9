namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Tokens</c>: the user's personal access tokens; create and revoke.</summary>
public sealed class TokensPage(ProviderPage page) : PageObject(page), IPageObject<TokensPage>
{
    public const string Path = "/Manage/Tokens";

    private const string Rows = "#tokens tbody tr";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static TokensPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the section; without permission for tokens the provider may refuse it.</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Where the account page's "Manage tokens" link points, or null when the account page does not show it.</summary>
    public static string? LinkOn(ManagePage account) =>
        account.Page.Document.QuerySelectorAll("a").FirstOrDefault(anchor => anchor.TextContent.Trim() == ManagePage.TokensLink)?.GetAttribute("href");

    /// <summary>The ids of the tokens listed.</summary>
    public IReadOnlyList<Guid> TokenIds =>
        Page.Document.QuerySelectorAll("#tokens tr[data-token-id]").Select(row => Guid.Parse(row.GetAttribute("data-token-id")!)).ToList();

    /// <summary>The column headings of the list.</summary>
    public IReadOnlyList<string> ColumnHeaders => Page.Document.QuerySelectorAll("#tokens thead th").Select(cell => cell.TextContent.Trim()).ToList();

    /// <summary>The labels listed, in page order.</summary>
    public IReadOnlyList<string> Labels => Page.Document.QuerySelectorAll($"{Rows} td:first-child").Select(cell => cell.TextContent.Trim()).ToList();

    /// <summary>The text of the listed token's row (label, last access, dates), or null when it is not listed.</summary>
    public string? RowOf(Guid tokenId) => Page.Document.QuerySelector(RowSelector(tokenId))?.TextContent.Trim();

    /// <summary>The cells of the listed token's row (label, last access, created, expires, revoke); empty when it is not listed.</summary>
    public IReadOnlyList<string> CellsOf(Guid tokenId) =>
        Page.Document.QuerySelectorAll($"{RowSelector(tokenId)} td").Select(cell => cell.TextContent.Trim()).ToList();

    /// <summary>The machine-readable moments of the listed token's row (the &lt;time datetime&gt;s: last access, created, expires), in page order.</summary>
    public IReadOnlyList<DateTimeOffset> MomentsOf(Guid tokenId) =>
        Page.Document.QuerySelectorAll($"{RowSelector(tokenId)} time")
            .Select(time => DateTimeOffset.Parse(time.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Where the row's "Revoke" button goes (the confirmation page), or null when the token is not listed.</summary>
    public string? RevokeActionOf(Guid tokenId) => Page.Document.QuerySelector($"{RowSelector(tokenId)} form")?.GetAttribute("action");

    /// <summary>"Sign-in by token is not allowed for your account."</summary>
    public bool SaysNotAllowed => Page.Document.QuerySelector("#tokens-not-allowed") is not null;

    public bool OffersCreate => Page.Document.QuerySelector("#create-token") is not null;

    public Task<CreateTokenPage> CreateAsync() => CreateTokenPage.OpenAsync(Client);

    /// <summary>"Revoke" on the token's row: opens the confirmation page the row's form points at (the first click only asks).</summary>
    public Task<RevokeTokenPage> RevokeAsync(Guid tokenId) =>
        Client.OpenAsync<RevokeTokenPage>(RevokeActionOf(tokenId) ?? throw new Xunit.Sdk.XunitException($"Token {tokenId} is not listed on {Page.Uri}"));

    private static string RowSelector(Guid tokenId) => $"#tokens tr[data-token-id='{tokenId}']";
}
