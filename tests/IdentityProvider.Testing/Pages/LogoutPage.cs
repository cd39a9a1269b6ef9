namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/Logout</c>: asks before ending the provider session.</summary>
public sealed class LogoutPage(ProviderPage page) : PageObject(page), IPageObject<LogoutPage>
{
    public const string Path = "/Account/Logout";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static LogoutPage Create(ProviderPage page) => new(page);

    public static Task<LogoutPage> OpenAsync(ProviderClient client) => client.OpenAsync<LogoutPage>(Path);

    /// <summary>"Sign out"; ends on the signed-out page.</summary>
    public Task<SignedOutPage> SignOutAsync() => SubmitAsync().As<SignedOutPage>();

    /// <summary>"Sign out" when a relying party's end-session request waits: where it ends (its post-logout address).</summary>
    public Task<ProviderPage> ConfirmAsync() => SubmitAsync();
}
