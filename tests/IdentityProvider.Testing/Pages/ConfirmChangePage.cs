namespace IdentityProvider.Testing.Pages;

/// <summary>
/// <c>/Account/ConfirmChange</c>: in a session an administrator opened as a user, a change was not made; the
/// administrator's own one-time password allows changes for a few minutes.
/// </summary>
public sealed class ConfirmChangePage(ProviderPage page) : PageObject(page), IPageObject<ConfirmChangePage>
{
    public const string Path = "/Account/ConfirmChange";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ConfirmChangePage Create(ProviderPage page) => new(page);

    /// <summary>"Nothing was changed…", naming the account and the administrator.</summary>
    public string NotChanged => Page.Document.QuerySelector("#not-changed")?.TextContent.Trim() ?? "";

    /// <summary>Where the code leads: back to the page of the change, or this page with a message.</summary>
    public Task<ProviderPage> ConfirmAsync(string code) => SubmitAsync(new Dictionary<string, string> { ["Input.Code"] = code });
}
