namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users/create</c>: a new user with an initial password, or (password empty) a one-time set-password link shown once.</summary>
public sealed class AdminCreateUserPage(ProviderPage page) : PageObject(page), IPageObject<AdminCreateUserPage>
{
    public const string Path = "/admin/users/create";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminCreateUserPage Create(ProviderPage page) => new(page);

    public static Task<AdminCreateUserPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminCreateUserPage>(Path);

    /// <summary>Opens the page as anyone (anonymous, non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The one-time link shown after creating a user without a password, or null.</summary>
    public string? SetPasswordLink => Page.Document.QuerySelector("input#set-password-link")?.GetAttribute("value");

    /// <summary>The id of the user just created with a link (from "Open the user").</summary>
    public string? CreatedUserId =>
        Page.Document.QuerySelector("a#open-created")?.GetAttribute("href") is { } href ? Uri.UnescapeDataString(href.Split('/')[3]) : null;

    /// <summary>Fills and submits the form (roles separated by commas: ticked, or typed as a new one; empty password: a link instead); where that leads.</summary>
    public Task<ProviderPage> CreateUserAsync(string email, string name, string roles = "", string password = "") =>
        AdminForms.SubmitWithRolesAsync(Page, "form#create", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Name"] = name,
            ["Input.Password"] = password,
        }, roles);

    /// <summary>The roles offered as boxes.</summary>
    public IReadOnlyList<string> OfferedRoles => AdminForms.Offered(Page, "Input.Roles");

    /// <summary>Creates a user without a password whose set-password link is e-mailed instead of shown; where that leads.</summary>
    public Task<ProviderPage> CreateUserWithMailedLinkAsync(string email, string name) =>
        SubmitAsync(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Name"] = name,
            ["Input.Password"] = "",
            ["Input.EmailLink"] = "true",
        }, formSelector: "form#create");
}
