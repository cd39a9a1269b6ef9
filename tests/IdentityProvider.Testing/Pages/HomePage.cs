namespace IdentityProvider.Testing.Pages;

/// <summary><c>/</c>: what the provider is, and the way to sign in or to the account.</summary>
public sealed class HomePage(ProviderPage page) : PageObject(page), IPageObject<HomePage>
{
    public const string Path = "/";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.Ordinal);

    public static HomePage Create(ProviderPage page) => new(page);

    public static Task<HomePage> OpenAsync(ProviderClient client) => client.OpenAsync<HomePage>(Path);
}
