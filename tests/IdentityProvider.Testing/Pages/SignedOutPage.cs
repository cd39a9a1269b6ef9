namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/SignedOut</c>: where a sign-out without a relying party ends.</summary>
public sealed class SignedOutPage(ProviderPage page) : PageObject(page), IPageObject<SignedOutPage>
{
    public const string Path = "/Account/SignedOut";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static SignedOutPage Create(ProviderPage page) => new(page);
}
