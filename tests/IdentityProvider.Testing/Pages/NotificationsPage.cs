namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Notifications</c>: the switch for the optional security mails.</summary>
public sealed class NotificationsPage(ProviderPage page) : PageObject(page), IPageObject<NotificationsPage>
{
    public const string Path = "/Manage/Notifications";

    /// <summary>The link on the account page.</summary>
    public const string LinkText = "E-mail notifications";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static NotificationsPage Create(ProviderPage page) => new(page);

    public static Task<NotificationsPage> OpenAsync(ProviderClient client) => client.OpenAsync<NotificationsPage>(Path);

    public bool OptionalOn => Page.Document.QuerySelector("input[name='Input.Optional'][type=checkbox]")?.HasAttribute("checked") == true;

    /// <summary>Saves the switch; the page again.</summary>
    public Task<NotificationsPage> SetOptionalAsync(bool on) =>
        SetOptionalAsync(on ? "true" : "false");

    /// <summary>Saves the switch with a hand-made value (neither true nor false, say); the page again.</summary>
    public Task<NotificationsPage> SetOptionalAsync(string value) =>
        Client.SubmitAsync(Page, new Dictionary<string, string> { ["Input.Optional"] = value }).As<NotificationsPage>();
}
