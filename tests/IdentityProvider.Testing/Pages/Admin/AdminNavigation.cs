namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// The admin area's navigation, on every admin page (the admin layout): the sections the reader's role may open, in
/// order, the current one marked <c>aria-current="page"</c>; a <c>&lt;nav&gt;</c> with a name of its own.
/// </summary>
public sealed class AdminNavigation(ProviderPage page)
{
    /// <summary>The admin API's reference, the last section (not a page of the area).</summary>
    public const string ApiReferencePath = "/api/admin/docs";

    private const string Nav = "nav#admin-nav";

    /// <summary>Every section an administrator sees, in order.</summary>
    public static IReadOnlyList<string> AdministratorSections { get; } =
    [
        AdminHomePage.Path, AdminUsersPage.Path, AdminClientsPage.Path, AdminScopesPage.Path, AdminPolicyPage.Path,
        AdminHardwareTokensPage.Path, AdminSecurityLogPage.Path, ApiReferencePath,
    ];

    /// <summary>The sections a user-manager sees, in order.</summary>
    public static IReadOnlyList<string> UserManagerSections { get; } =
        [AdminHomePage.Path, AdminUsersPage.Path, AdminHardwareTokensPage.Path, ApiReferencePath];

    /// <summary>The navigation on <paramref name="page"/>; null when the page has none.</summary>
    public static AdminNavigation? On(ProviderPage page) => page.Document.QuerySelector(Nav) is null ? null : new AdminNavigation(page);

    public static AdminNavigation? On(PageObject page) => On(page.Page);

    /// <summary>The navigation's accessible name (its <c>aria-label</c>).</summary>
    public string Name => page.Document.QuerySelector(Nav)!.GetAttribute("aria-label") ?? "";

    /// <summary>The sections' addresses, in order.</summary>
    public IReadOnlyList<string> Addresses => page.Document.QuerySelectorAll($"{Nav} a").Select(link => link.GetAttribute("href") ?? "").ToList();

    /// <summary>The sections' link texts, in order.</summary>
    public IReadOnlyList<string> Texts => page.Document.QuerySelectorAll($"{Nav} a").Select(link => link.TextContent.Trim()).ToList();

    /// <summary>The addresses of the sections marked current (one, or none on a page of no section).</summary>
    public IReadOnlyList<string> Current =>
        page.Document.QuerySelectorAll($"{Nav} a[aria-current=page]").Select(link => link.GetAttribute("href") ?? "").ToList();

    /// <summary>
    /// The section a page at <paramref name="path"/> belongs to: the longest section address that starts it (the dashboard
    /// only for itself); null for a page of no section (the fresh-code confirmation).
    /// </summary>
    public static string? SectionOf(string path) =>
        AdministratorSections
            .Where(section => path.Equals(section, StringComparison.OrdinalIgnoreCase)
                || (section != AdminHomePage.Path && path.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase)))
            .MaxBy(section => section.Length);
}
