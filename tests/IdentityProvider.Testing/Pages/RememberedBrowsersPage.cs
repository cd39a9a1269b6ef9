namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/RememberedBrowsers</c>: browsers that skip the OTP step; forget one or all.</summary>
public sealed class RememberedBrowsersPage(ProviderPage page) : PageObject(page), IPageObject<RememberedBrowsersPage>
{
    public const string Path = "/Manage/RememberedBrowsers";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static RememberedBrowsersPage Create(ProviderPage page) => new(page);

    public static Task<RememberedBrowsersPage> OpenAsync(ProviderClient client) => client.OpenAsync<RememberedBrowsersPage>(Path);

    /// <summary>The text of each remembered browser's row (user agent, dates).</summary>
    public IReadOnlyList<string> Rows =>
        Page.Document.QuerySelectorAll("#remembered-browsers tbody tr").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>"Forget" on the first listed browser.</summary>
    public Task<RememberedBrowsersPage> ForgetFirstAsync() =>
        SubmitAsync(formSelector: "#remembered-browsers form[action*='handler=Forget']").As<RememberedBrowsersPage>();

    public Task<RememberedBrowsersPage> ForgetAllAsync() =>
        SubmitAsync(formSelector: "form[action*='handler=ForgetAll']").As<RememberedBrowsersPage>();
}
