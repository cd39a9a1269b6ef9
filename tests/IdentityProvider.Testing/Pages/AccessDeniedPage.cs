namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/AccessDenied</c>: where a signed-in user lands on a page their account may not see.</summary>
public sealed class AccessDeniedPage(ProviderPage page) : PageObject(page), IPageObject<AccessDeniedPage>
{
    public const string Path = "/Account/AccessDenied";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AccessDeniedPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly; it answers 403.</summary>
    public static async Task<AccessDeniedPage> OpenAsync(ProviderClient client) => new(await client.GetAsync(Path));
}
