namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/clients</c>: the registered relying parties, each linking to its edit page.</summary>
public sealed class AdminClientsPage(ProviderPage page) : PageObject(page), IPageObject<AdminClientsPage>
{
    public const string Path = "/admin/clients";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminClientsPage Create(ProviderPage page) => new(page);

    public static Task<AdminClientsPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminClientsPage>(Path);

    /// <summary>Opens the list as anyone (anonymous, non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The client ids listed, in order.</summary>
    public IReadOnlyList<string> ClientIds =>
        Page.Document.QuerySelectorAll("#clients tr[data-client-id]").Select(row => row.GetAttribute("data-client-id")!).ToList();

    /// <summary>The text of a listed client's row (id, name, type, grant types, scopes, consent), or null when not listed.</summary>
    public string? RowOf(string clientId) =>
        Page.Document.QuerySelectorAll("#clients tr[data-client-id]").FirstOrDefault(row => row.GetAttribute("data-client-id") == clientId)?.TextContent.Trim();

    /// <summary>Follows "Register a client".</summary>
    public Task<AdminCreateClientPage> RegisterAsync() => FollowLinkAsync("Register a client").As<AdminCreateClientPage>();

    /// <summary>Follows the link of a listed client to its edit page.</summary>
    public Task<AdminEditClientPage> OpenClientAsync(string clientId) => FollowLinkAsync(clientId).As<AdminEditClientPage>();
}
