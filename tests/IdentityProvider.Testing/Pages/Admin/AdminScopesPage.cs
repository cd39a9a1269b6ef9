namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/scopes</c>: the registered API scopes, each linking to its edit page.</summary>
public sealed class AdminScopesPage(ProviderPage page) : PageObject(page), IPageObject<AdminScopesPage>
{
    public const string Path = "/admin/scopes";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminScopesPage Create(ProviderPage page) => new(page);

    public static Task<AdminScopesPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminScopesPage>(Path);

    /// <summary>Opens the list as anyone (anonymous, non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    public IReadOnlyList<string> Names =>
        Page.Document.QuerySelectorAll("#scopes tr[data-scope]").Select(row => row.GetAttribute("data-scope")!).ToList();

    /// <summary>The text of a listed scope's row (name, display name, description), or null when not listed.</summary>
    public string? RowOf(string name) =>
        Page.Document.QuerySelectorAll("#scopes tr[data-scope]").FirstOrDefault(row => row.GetAttribute("data-scope") == name)?.TextContent.Trim();

    public Task<AdminCreateScopePage> RegisterAsync() => FollowLinkAsync("Register a scope").As<AdminCreateScopePage>();

    public Task<AdminEditScopePage> OpenScopeAsync(string name) => FollowLinkAsync(name).As<AdminEditScopePage>();
}
