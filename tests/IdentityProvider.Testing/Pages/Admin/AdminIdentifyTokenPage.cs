namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/hardware-tokens/identify</c>: which token shows this code now.</summary>
public sealed class AdminIdentifyTokenPage(ProviderPage page) : PageObject(page), IPageObject<AdminIdentifyTokenPage>
{
    public const string Path = "/admin/hardware-tokens/identify";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminIdentifyTokenPage Create(ProviderPage page) => new(page);

    public static Task<AdminIdentifyTokenPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminIdentifyTokenPage>(Path);

    public Task<AdminIdentifyTokenPage> IdentifyAsync(string code) =>
        SubmitAsync(new Dictionary<string, string> { ["Code"] = code }, formSelector: "form#identify").As<AdminIdentifyTokenPage>();

    /// <summary>The serials that show the code.</summary>
    public IReadOnlyList<string> Matches => Page.Document.QuerySelectorAll("#matches li").Select(item => item.TextContent.Trim()).ToList();

    /// <summary>"No token … shows this code now."</summary>
    public bool SaysNoMatch => Page.Document.QuerySelector("#no-match") is not null;
}
