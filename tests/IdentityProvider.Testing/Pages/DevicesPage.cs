namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/TwoStep</c>: the user's two-step devices, with Add and Remove.</summary>
public sealed class DevicesPage(ProviderPage page) : PageObject(page), IPageObject<DevicesPage>
{
    public const string Path = "/Manage/TwoStep";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static DevicesPage Create(ProviderPage page) => new(page);

    public static Task<DevicesPage> OpenAsync(ProviderClient client) => client.OpenAsync<DevicesPage>(Path);

    /// <summary>"Two-step sign-in is off": no device is listed.</summary>
    public bool SaysTwoStepOff => Page.Document.QuerySelector("#two-step-off") is not null;

    /// <summary>The ids of the devices listed.</summary>
    public IReadOnlyList<Guid> DeviceIds =>
        Page.Document.QuerySelectorAll("#devices tr[data-device-id]").Select(row => Guid.Parse(row.GetAttribute("data-device-id")!)).ToList();

    /// <summary>The text of each listed device's row (name, type, dates).</summary>
    public IReadOnlyList<string> DeviceRows =>
        Page.Document.QuerySelectorAll("#devices tr[data-device-id]").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>The text of each row that is a hardware token an administrator assigned (serial, model, type).</summary>
    public IReadOnlyList<string> HardwareTokenRows =>
        Page.Document.QuerySelectorAll("#devices tr.hardware-token").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>Whether the row of <paramref name="deviceId"/> has a Remove link (an assigned hardware token has none).</summary>
    public bool OffersRemove(Guid deviceId) =>
        Page.Document.QuerySelector($"#devices tr[data-device-id='{deviceId}'] a") is { } link && link.TextContent.Trim() == "Remove";

    public Task<AddDevicePage> AddAsync() => FollowLinkAsync(AddDevicePage.LinkText).As<AddDevicePage>();

    public Task<RemoveDevicePage> RemoveAsync(Guid deviceId) => RemoveDevicePage.OpenAsync(Client, deviceId);

    /// <summary>Whether the page tells a hardware token's holder to press its button with the cursor in the code field.</summary>
    public bool ShowsHardwareTokenHint => Page.Document.QuerySelector(".hardware-token-hint") is not null;
}
