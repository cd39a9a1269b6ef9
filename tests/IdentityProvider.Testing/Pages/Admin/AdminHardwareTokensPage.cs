namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/hardware-tokens</c>: the inventory, filtered by status and searched by serial or holder.</summary>
public sealed class AdminHardwareTokensPage(ProviderPage page) : PageObject(page), IPageObject<AdminHardwareTokensPage>
{
    public const string Path = "/admin/hardware-tokens";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminHardwareTokensPage Create(ProviderPage page) => new(page);

    public static Task<AdminHardwareTokensPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminHardwareTokensPage>(Path);

    /// <summary>The list for a search and a status (in-stock, assigned, disabled, lost; empty for any), as the search form asks.</summary>
    public static Task<AdminHardwareTokensPage> SearchAsync(ProviderClient client, string search, string status = "", int? page = null) =>
        client.OpenAsync<AdminHardwareTokensPage>(
            $"{Path}?search={Uri.EscapeDataString(search)}&status={Uri.EscapeDataString(status)}{(page is { } number ? $"&pageNumber={number}" : "")}");

    /// <summary>The serials listed, in order.</summary>
    public IReadOnlyList<string> Serials =>
        Page.Document.QuerySelectorAll("#tokens tbody tr").Select(row => row.GetAttribute("data-serial")!).ToList();

    /// <summary>The text of the row of <paramref name="serial"/> (model, type, status, holder, dates).</summary>
    public string RowOf(string serial) =>
        Page.Document.QuerySelector($"#tokens tbody tr[data-serial='{serial}']")?.TextContent.Trim()
            ?? throw new Xunit.Sdk.XunitException($"Token {serial} is not listed: {Page.Text.Trim()}");

    /// <summary>"N tokens, page P of Q.", or "" when nothing is listed.</summary>
    public string TotalText => Page.Document.QuerySelector("#tokens-total")?.TextContent.Trim() ?? "";

    /// <summary>"No token matches.", a refused search, and the like.</summary>
    public string Message => Page.Document.QuerySelector("#tokens-message")?.TextContent.Trim() ?? "";

    public Task<AdminHardwareTokenPage> OpenTokenAsync(string serial) => FollowLinkAsync(serial).As<AdminHardwareTokenPage>();

    public Task<AdminImportTokensPage> ImportAsync() => FollowLinkAsync("Import a seed file").As<AdminImportTokensPage>();

    public Task<AdminRegisterTokenPage> RegisterAsync() => FollowLinkAsync("Register a token").As<AdminRegisterTokenPage>();

    public Task<AdminIdentifyTokenPage> IdentifyAsync() => FollowLinkAsync("Identify a token from a code").As<AdminIdentifyTokenPage>();

    /// <summary>Whether import, register and identify are offered (an administrator's view).</summary>
    public bool OffersInventoryLinks => Page.Document.QuerySelector("a#import-tokens, a#register-token, a#identify-token") is not null;
}
