namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/clients/{clientId}/edit</c>: a client's registration (not its id, type or secret), with links to rotate and delete.</summary>
public sealed class AdminEditClientPage(ProviderPage page) : PageObject(page), IPageObject<AdminEditClientPage>
{
    public static string PathFor(string clientId) => $"/admin/clients/{Uri.EscapeDataString(clientId)}/edit";

    public static bool IsAt(string path) => path.StartsWith("/admin/clients/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/edit", StringComparison.OrdinalIgnoreCase);

    public static AdminEditClientPage Create(ProviderPage page) => new(page);

    public static Task<AdminEditClientPage> OpenAsync(ProviderClient client, string clientId) => client.OpenAsync<AdminEditClientPage>(PathFor(clientId));

    /// <summary>Opens the page for any id (unknown, or as a non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string clientId) => client.GetAsync(PathFor(clientId));

    public string ClientId => Uri.UnescapeDataString(Page.Uri.AbsolutePath.Split('/')[3]);

    /// <summary>"Confidential client …" or "Public client …".</summary>
    public string ClientType => Page.Document.QuerySelector("#client-type")?.TextContent.Trim() ?? "";

    public string DisplayName => Input("Input.DisplayName").GetAttribute("value") ?? "";

    public IReadOnlyList<string> RedirectUris => Lines("Input.RedirectUris");

    public IReadOnlyList<string> PostLogoutRedirectUris => Lines("Input.PostLogoutRedirectUris");

    public IReadOnlyList<string> GrantTypes => AdminForms.Checked(Page, "Input.GrantTypes");

    public IReadOnlyList<string> Scopes => AdminForms.Checked(Page, "Input.Scopes");

    public bool ExplicitConsent => AdminForms.Checked(Page, "Input.ConsentType").SequenceEqual(["explicit"]);

    /// <summary>Whether the box "Refuse sessions an administrator opened as the user" is ticked.</summary>
    public bool RefusesImpersonation => AdminForms.Checked(Page, "Input.RefusesImpersonation").SequenceEqual(["true"]);

    /// <summary>The form as it stands, to change a field with <c>with</c> and save.</summary>
    public ClientForm Form => new(ClientId, DisplayName, ClientType.StartsWith("Confidential", StringComparison.Ordinal), RedirectUris, GrantTypes, Scopes)
    {
        PostLogoutRedirectUris = PostLogoutRedirectUris,
        ExplicitConsent = ExplicitConsent,
        RefusesImpersonation = RefusesImpersonation,
    };

    /// <summary>Saves exactly these values (id and type are not on the form): where that leads.</summary>
    public Task<ProviderPage> SaveAsync(ClientForm form) => AdminForms.PostAsync(Page, "form#edit-client", form.Fields(isNew: false));

    public Task<AdminClientSecretPage> OpenRotateSecretAsync() => FollowLinkAsync("Rotate secret").As<AdminClientSecretPage>();

    public Task<AdminDeleteClientPage> OpenDeleteAsync() => FollowLinkAsync("Delete client").As<AdminDeleteClientPage>();

    private IReadOnlyList<string> Lines(string name) =>
        (Page.Document.QuerySelector($"textarea[name='{name}']")?.TextContent ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
