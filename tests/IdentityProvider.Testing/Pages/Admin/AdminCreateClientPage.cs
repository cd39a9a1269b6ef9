namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/clients/create</c>: registers a client; a confidential one's secret is shown on the answer, once.</summary>
public sealed class AdminCreateClientPage(ProviderPage page) : PageObject(page), IPageObject<AdminCreateClientPage>
{
    public const string Path = "/admin/clients/create";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminCreateClientPage Create(ProviderPage page) => new(page);

    public static Task<AdminCreateClientPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminCreateClientPage>(Path);

    /// <summary>The scopes the form offers (standard and registered).</summary>
    public IReadOnlyList<string> OfferedScopes => AdminForms.Offered(Page, "Input.Scopes");

    /// <summary>The new client's secret, shown once after registering a confidential client (null otherwise).</summary>
    public string? NewSecret => Page.Document.QuerySelector("#new-secret")?.GetAttribute("value");

    /// <summary>Submits the form with exactly these values: where that leads (this page with the secret or errors, or the list).</summary>
    public Task<ProviderPage> RegisterAsync(ClientForm form) => AdminForms.PostAsync(Page, "main form", form.Fields(isNew: true));
}
