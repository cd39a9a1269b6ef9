namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/scopes/create</c>: registers an API scope.</summary>
public sealed class AdminCreateScopePage(ProviderPage page) : PageObject(page), IPageObject<AdminCreateScopePage>
{
    public const string Path = "/admin/scopes/create";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminCreateScopePage Create(ProviderPage page) => new(page);

    public static Task<AdminCreateScopePage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminCreateScopePage>(Path);

    /// <summary>Submits the form as typed: where that leads (the list, or this page with errors).</summary>
    public Task<ProviderPage> RegisterAsync(string name, string displayName, string description) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.Name"] = name, ["Input.DisplayName"] = displayName, ["Input.Description"] = description });
}
