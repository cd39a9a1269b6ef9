namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/LinkExternal</c>: the password of the local account with the same address links the upstream account.</summary>
public sealed class LinkExternalPage(ProviderPage page) : PageObject(page), IPageObject<LinkExternalPage>
{
    public const string Path = "/Account/LinkExternal";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static LinkExternalPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page without a pending link: the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>"An account with the address … exists here already…".</summary>
    public string Explanation => Page.Document.QuerySelector("#link-explanation")?.TextContent.Trim() ?? "";

    /// <summary>Enters the local password; where that leads (the OTP step, the relying party, this page with a message).</summary>
    public Task<ProviderPage> LinkAsync(string password) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.Password"] = password }, formSelector: "form#link");
}
