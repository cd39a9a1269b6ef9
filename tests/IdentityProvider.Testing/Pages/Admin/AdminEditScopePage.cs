namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/scopes/{name}/edit</c>: a scope's display name and description, with a link to delete it.</summary>
public sealed class AdminEditScopePage(ProviderPage page) : PageObject(page), IPageObject<AdminEditScopePage>
{
    public static string PathFor(string name) => $"/admin/scopes/{Uri.EscapeDataString(name)}/edit";

    public static bool IsAt(string path) => path.StartsWith("/admin/scopes/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/edit", StringComparison.OrdinalIgnoreCase);

    public static AdminEditScopePage Create(ProviderPage page) => new(page);

    public static Task<AdminEditScopePage> OpenAsync(ProviderClient client, string name) => client.OpenAsync<AdminEditScopePage>(PathFor(name));

    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string name) => client.GetAsync(PathFor(name));

    public string DisplayName => Input("Input.DisplayName").GetAttribute("value") ?? "";

    public string Description => Page.Document.QuerySelector("textarea[name='Input.Description']")?.TextContent.Trim() ?? "";

    public Task<ProviderPage> SaveAsync(string displayName, string description) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.DisplayName"] = displayName, ["Input.Description"] = description }, formSelector: "form#edit-scope");

    public Task<AdminDeleteScopePage> OpenDeleteAsync() => FollowLinkAsync("Delete scope").As<AdminDeleteScopePage>();
}
