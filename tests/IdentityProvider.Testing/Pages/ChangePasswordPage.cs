using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/ChangePassword</c>: the current password, then the new one twice.</summary>
public sealed class ChangePasswordPage(ProviderPage page) : PageObject(page), IPageObject<ChangePasswordPage>
{
    public const string Path = "/Manage/ChangePassword";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ChangePasswordPage Create(ProviderPage page) => new(page);

    public static Task<ChangePasswordPage> OpenAsync(ProviderClient client) => client.OpenAsync<ChangePasswordPage>(Path);

    /// <summary>Opens the page without asserting where it ends (signed out: the password page).</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    public IElement CurrentPasswordInput => Input("Input.CurrentPassword");

    public IElement NewPasswordInput => Input("Input.NewPassword");

    public IElement ConfirmPasswordInput => Input("Input.ConfirmPassword");

    /// <summary>Submits the form; <paramref name="confirmation"/> defaults to the new password.</summary>
    public Task<ProviderPage> ChangeAsync(string currentPassword, string newPassword, string? confirmation = null) =>
        SubmitAsync(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = currentPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = confirmation ?? newPassword,
        });
}
