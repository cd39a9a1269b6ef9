namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/TwoStep/Remove/{id}</c>: removes a device after the password.</summary>
public sealed class RemoveDevicePage(ProviderPage page) : PageObject(page), IPageObject<RemoveDevicePage>
{
    public const string PathPrefix = "/Manage/TwoStep/Remove/";

    public static string PathFor(Guid deviceId) => PathPrefix + deviceId;

    public static bool IsAt(string path) => path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static RemoveDevicePage Create(ProviderPage page) => new(page);

    public static Task<RemoveDevicePage> OpenAsync(ProviderClient client, Guid deviceId) => client.OpenAsync<RemoveDevicePage>(PathFor(deviceId));

    /// <summary>Opens the page for any device id (another user's, an assigned hardware token): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, Guid deviceId) => client.GetAsync(PathFor(deviceId));

    public Task<ProviderPage> RemoveAsync(string password) => SubmitAsync(new Dictionary<string, string> { ["Input.Password"] = password });
}
