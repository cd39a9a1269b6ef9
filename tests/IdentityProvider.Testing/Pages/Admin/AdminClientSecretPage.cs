namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/clients/{clientId}/secret</c>: rotates a confidential client's secret, shown on the answer once.</summary>
public sealed class AdminClientSecretPage(ProviderPage page) : PageObject(page), IPageObject<AdminClientSecretPage>
{
    public static string PathFor(string clientId) => $"/admin/clients/{Uri.EscapeDataString(clientId)}/secret";

    public static bool IsAt(string path) => path.StartsWith("/admin/clients/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/secret", StringComparison.OrdinalIgnoreCase);

    public static AdminClientSecretPage Create(ProviderPage page) => new(page);

    public static Task<AdminClientSecretPage> OpenAsync(ProviderClient client, string clientId) => client.OpenAsync<AdminClientSecretPage>(PathFor(clientId));

    /// <summary>The new secret, on the answer to "Rotate secret" only (null otherwise).</summary>
    public string? NewSecret => Page.Document.QuerySelector("#new-secret")?.GetAttribute("value");

    public Task<ProviderPage> RotateAsync() => SubmitAsync(formSelector: "form#rotate");
}
