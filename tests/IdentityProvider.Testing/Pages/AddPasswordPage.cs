namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/AddPassword</c>: a first password for a user who signs in with a linked account.</summary>
public sealed class AddPasswordPage(ProviderPage page) : PageObject(page), IPageObject<AddPasswordPage>
{
    public const string Path = "/Manage/AddPassword";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AddPasswordPage Create(ProviderPage page) => new(page);

    public static Task<AddPasswordPage> OpenAsync(ProviderClient client) => client.OpenAsync<AddPasswordPage>(Path);

    public Task<ProviderPage> SetAsync(string password, string? confirmation = null) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirmation ?? password }, formSelector: "form#add-password");
}
