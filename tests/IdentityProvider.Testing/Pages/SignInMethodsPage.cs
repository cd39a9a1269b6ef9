namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/SignInMethods</c>: the password and the linked accounts, with Unlink and Link.</summary>
public sealed class SignInMethodsPage(ProviderPage page) : PageObject(page), IPageObject<SignInMethodsPage>
{
    public const string Path = "/Manage/SignInMethods";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static SignInMethodsPage Create(ProviderPage page) => new(page);

    public static Task<SignInMethodsPage> OpenAsync(ProviderClient client) => client.OpenAsync<SignInMethodsPage>(Path);

    /// <summary>"You have a password…" or "You have no password…".</summary>
    public string PasswordText => Page.Document.QuerySelector("#password-state")?.TextContent.Trim() ?? "";

    /// <summary>The text of each linked account's row (provider, e-mail there, dates).</summary>
    public IReadOnlyList<string> LinkRows => Page.Document.QuerySelectorAll("#links tbody tr").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>Unlinks the account at the provider <paramref name="providerId"/>; where that leads.</summary>
    public Task<ProviderPage> UnlinkAsync(string providerId) =>
        SubmitAsync(formSelector: $"#links tr[data-provider='{providerId}'] form.unlink");

    /// <summary>Presses "Link your {providerName} account": a redirect to the upstream.</summary>
    public Task<ProviderPage> LinkAsync(string providerName)
    {
        var button = Page.Document.QuerySelectorAll("form#link-providers button")
            .FirstOrDefault(candidate => candidate.TextContent.Trim() == $"Link your {providerName} account")
            ?? throw new Xunit.Sdk.XunitException($"No link button for {providerName}: {Page.Text.Trim()}");
        return Client.SubmitAsync(Page, button: (button.GetAttribute("name")!, button.GetAttribute("value")!), formSelector: "form#link-providers");
    }

    public Task<AddPasswordPage> SetPasswordAsync() => FollowLinkAsync("Set a password").As<AddPasswordPage>();
}
