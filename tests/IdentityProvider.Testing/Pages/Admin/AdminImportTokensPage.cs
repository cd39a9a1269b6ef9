namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/hardware-tokens/import</c>: uploads a vendor's seed file (PSKC or CSV) and reports what came of it.</summary>
public sealed class AdminImportTokensPage(ProviderPage page) : PageObject(page), IPageObject<AdminImportTokensPage>
{
    public const string Path = "/admin/hardware-tokens/import";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminImportTokensPage Create(ProviderPage page) => new(page);

    public static Task<AdminImportTokensPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminImportTokensPage>(Path);

    /// <summary>Uploads <paramref name="content"/> as a file named <paramref name="fileName"/>, with the pre-shared key when given.</summary>
    public Task<AdminImportTokensPage> UploadAsync(string fileName, string content, string? preSharedKey = null) =>
        Client.SubmitWithFileAsync(Page, "SeedFile", (fileName, System.Text.Encoding.UTF8.GetBytes(content)),
            preSharedKey is null ? null : new Dictionary<string, string> { ["PreSharedKey"] = preSharedKey }, formSelector: "form#import").As<AdminImportTokensPage>();

    /// <summary>"N tokens were added to the stock.", or "" when nothing was imported.</summary>
    public string AddedText => Page.Document.QuerySelector("#added")?.TextContent.Trim() ?? "";

    /// <summary>Each entry skipped as a duplicate: "serial: reason".</summary>
    public IReadOnlyList<string> Skipped => Entries("#skipped li");

    /// <summary>Each entry rejected: "serial: reason".</summary>
    public IReadOnlyList<string> Rejected => Entries("#rejected li");

    private List<string> Entries(string selector) => Page.Document.QuerySelectorAll(selector).Select(item => item.TextContent.Trim()).ToList();
}
