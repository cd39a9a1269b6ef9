namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users/{id}/sign-in-as</c>: an administrator signs in as the user, giving a reason.</summary>
public sealed class AdminSignInAsPage(ProviderPage page) : PageObject(page), IPageObject<AdminSignInAsPage>
{
    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/sign-in-as";

    public static bool IsAt(string path) =>
        path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/sign-in-as", StringComparison.OrdinalIgnoreCase);

    public static AdminSignInAsPage Create(ProviderPage page) => new(page);

    public static Task<AdminSignInAsPage> OpenAsync(ProviderClient client, string userId) => client.OpenAsync<AdminSignInAsPage>(PathFor(userId));

    /// <summary>Opens the page as anyone (a user-manager is refused): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string userId) => client.GetAsync(PathFor(userId));

    /// <summary>Why the form is not offered (the policy, an administrator, oneself); "" when it is.</summary>
    public string NotOffered => Page.Document.QuerySelector("#not-offered")?.TextContent.Trim() ?? "";

    public bool OffersForm => Page.Document.QuerySelector("form#sign-in-as") is not null;

    /// <summary>Where that leads: the user's account page as the user, or this page with a message.</summary>
    public Task<ProviderPage> SignInAsAsync(string reason) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.Reason"] = reason }, "form#sign-in-as");

    /// <summary>Posts the form to <paramref name="userId"/>'s page from <paramref name="from"/>, offered there or not: where it ends.</summary>
    public static Task<ProviderPage> ForgeAsync(PageObject from, string userId, string reason) =>
        AdminForgery.PostAsync(from.Page, PathFor(userId), fields: new Dictionary<string, string> { ["Input.Reason"] = reason });
}
