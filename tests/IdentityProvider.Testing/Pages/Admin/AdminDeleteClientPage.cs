namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/clients/{clientId}/delete</c>: deletes a client after confirmation.</summary>
public sealed class AdminDeleteClientPage(ProviderPage page) : PageObject(page), IPageObject<AdminDeleteClientPage>
{
    public static string PathFor(string clientId) => $"/admin/clients/{Uri.EscapeDataString(clientId)}/delete";

    public static bool IsAt(string path) => path.StartsWith("/admin/clients/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/delete", StringComparison.OrdinalIgnoreCase);

    public static AdminDeleteClientPage Create(ProviderPage page) => new(page);

    public static Task<AdminDeleteClientPage> OpenAsync(ProviderClient client, string clientId) => client.OpenAsync<AdminDeleteClientPage>(PathFor(clientId));

    /// <summary>"Delete client": where that leads (the list with a status message).</summary>
    public Task<ProviderPage> DeleteAsync() => SubmitAsync(formSelector: "form#delete");
}
