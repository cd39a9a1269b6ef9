namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users/{id}/delete</c>: the confirmation before a user is deleted.</summary>
public sealed class AdminDeleteUserPage(ProviderPage page) : PageObject(page), IPageObject<AdminDeleteUserPage>
{
    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/delete";

    public static bool IsAt(string path) => path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/delete", StringComparison.OrdinalIgnoreCase);

    public static AdminDeleteUserPage Create(ProviderPage page) => new(page);

    public static Task<AdminDeleteUserPage> OpenAsync(ProviderClient client, string userId) => client.OpenAsync<AdminDeleteUserPage>(PathFor(userId));

    /// <summary>"Delete user"; where that leads (the list, or this page with the refusal).</summary>
    public Task<ProviderPage> DeleteAsync() => SubmitAsync(formSelector: "form#delete");
}
