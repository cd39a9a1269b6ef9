namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/AccessDenied</c>: where a signed-in user lands on a page their account may not see.</summary>
public sealed class AccessDeniedPage(ProviderPage page) : PageObject(page), IPageObject<AccessDeniedPage>
{
    public const string Path = "/Account/AccessDenied";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AccessDeniedPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly; it answers 403.</summary>
    public static async Task<AccessDeniedPage> OpenAsync(ProviderClient client) => new(await client.GetAsync(Path));

    /// <summary>The request ended here, refused (403): its page object; else the test fails, saying where it ended.</summary>
    public static async Task<AccessDeniedPage> RefusalAsync(Task<ProviderPage> pending)
    {
        var page = await pending;
        Xunit.Assert.True(
            page.Status == System.Net.HttpStatusCode.Forbidden && IsAt(page.Uri.AbsolutePath),
            $"Expected a refusal on the access-denied page, but ended on {page.Uri} ({(int)page.Status}).");
        return new(page);
    }

    /// <summary>Why the admin area refused this session ("" for any other page).</summary>
    public string AdminExplanation => Page.Document.QuerySelector("#access-denied-why")?.TextContent.Trim() ?? "";

    /// <summary>Whether it links to adding an authenticator app.</summary>
    public bool OffersToAddDevice => LinksTo(AddDevicePage.Path);

    /// <summary>Whether it links to signing out (to sign in again with a one-time password).</summary>
    public bool OffersToSignOut => LinksTo(LogoutPage.Path);

    /// <summary>Whether it links back to the account page.</summary>
    public bool OffersWayBack => LinksTo(ManagePage.Path);

    private bool LinksTo(string path) =>
        Page.Document.QuerySelectorAll("main a[href]").Any(link => link.GetAttribute("href")!.Equals(path, StringComparison.OrdinalIgnoreCase));
}
