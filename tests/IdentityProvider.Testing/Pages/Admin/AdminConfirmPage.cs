namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/confirm</c>: a fresh one-time password before a change, when the last one is older than 15 minutes.</summary>
public sealed class AdminConfirmPage(ProviderPage page) : PageObject(page), IPageObject<AdminConfirmPage>
{
    public const string Path = "/admin/confirm";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminConfirmPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page as a link to it does (no change pending).</summary>
    public static Task<AdminConfirmPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminConfirmPage>(Path);

    /// <summary>Submits the code; back to the page the change was made on, or this page with a message.</summary>
    public Task<ProviderPage> ConfirmAsync(string code) => SubmitAsync(new Dictionary<string, string> { ["Input.Code"] = code });
}
