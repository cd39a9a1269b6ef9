namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/RecoveryCodes/Show</c>: a new set of recovery codes, shown once.</summary>
public sealed class ShowRecoveryCodesPage(ProviderPage page) : PageObject(page), IPageObject<ShowRecoveryCodesPage>
{
    public const string Path = "/Manage/RecoveryCodes/Show";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ShowRecoveryCodesPage Create(ProviderPage page) => new(page);

    public static Task<ShowRecoveryCodesPage> OpenAsync(ProviderClient client) => client.OpenAsync<ShowRecoveryCodesPage>(Path);

    /// <summary>Opens the page with where Continue should go next (any address, to test that only local ones are followed).</summary>
    public static Task<ShowRecoveryCodesPage> OpenAsync(ProviderClient client, string returnUrl) =>
        client.OpenAsync<ShowRecoveryCodesPage>($"{Path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Opens the page without a session, say: the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Requests this page's address again (a reload: the codes are not shown twice).</summary>
    public Task<ShowRecoveryCodesPage> ReloadAsync() => Client.OpenAsync<ShowRecoveryCodesPage>(Page.Uri.PathAndQuery);

    /// <summary>The codes listed (empty once they were shown).</summary>
    public IReadOnlyList<string> Codes => RecoveryCodeList.Codes(Page);

    /// <summary>"These codes were shown once and cannot be shown again."</summary>
    public bool SaysCodesAreGone => Page.Document.QuerySelector("#recovery-codes-gone") is not null;

    /// <summary>"I have saved these codes" (checked or not), then Continue.</summary>
    public Task<ProviderPage> ContinueAsync(bool saved = true) =>
        saved ? SubmitAsync(new Dictionary<string, string> { ["Saved"] = "true" }) : SubmitAsync();
}

/// <summary>A show-once list of recovery codes (Pages/Shared/_RecoveryCodeList), on the account or the admin page.</summary>
public static class RecoveryCodeList
{
    public static IReadOnlyList<string> Codes(ProviderPage page) =>
        page.Document.QuerySelectorAll("#recovery-codes code").Select(code => code.TextContent.Trim()).ToList();
}
