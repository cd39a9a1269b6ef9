namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/scopes/{name}/delete</c>: deletes a scope no client uses, after confirmation.</summary>
public sealed class AdminDeleteScopePage(ProviderPage page) : PageObject(page), IPageObject<AdminDeleteScopePage>
{
    public static string PathFor(string name) => $"/admin/scopes/{Uri.EscapeDataString(name)}/delete";

    public static bool IsAt(string path) => path.StartsWith("/admin/scopes/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/delete", StringComparison.OrdinalIgnoreCase);

    public static AdminDeleteScopePage Create(ProviderPage page) => new(page);

    public static Task<AdminDeleteScopePage> OpenAsync(ProviderClient client, string name) => client.OpenAsync<AdminDeleteScopePage>(PathFor(name));

    /// <summary>"Delete scope": where that leads (the list, or this page with the refusal).</summary>
    public Task<ProviderPage> DeleteAsync() => SubmitAsync(formSelector: "form#delete");
}
