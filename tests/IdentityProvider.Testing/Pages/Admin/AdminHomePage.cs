namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin</c>: the administration's start page, a link to each section.</summary>
public sealed class AdminHomePage(ProviderPage page) : PageObject(page), IPageObject<AdminHomePage>
{
    public const string Path = "/admin";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminHomePage Create(ProviderPage page) => new(page);

    public static Task<AdminHomePage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminHomePage>(Path);

    /// <summary>Opens the page as anyone: the answer as it is (the sign-in page, or the access-denied page with its reason).</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The sections' link texts, in order, as the admin area's navigation lists them (<see cref="AdminNavigation"/>).</summary>
    public IReadOnlyList<string> Sections => AdminNavigation.On(this)?.Texts ?? [];
}
