namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/TwoStep/Add</c>: adds an authenticator app (QR code, manual secret, confirmation code).</summary>
public sealed class AddDevicePage(ProviderPage page) : PageObject(page), IPageObject<AddDevicePage>
{
    public const string Path = "/Manage/TwoStep/Add";

    public const string LinkText = "Add an authenticator app";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AddDevicePage Create(ProviderPage page) => new(page);

    public static Task<AddDevicePage> OpenAsync(ProviderClient client) => client.OpenAsync<AddDevicePage>(Path);

    public bool ShowsConfirmation => EnrolmentForms.HasConfirmForm(this);

    public string ShownSecret => EnrolmentForms.ShownSecret(this);

    public string KeyUri => EnrolmentForms.KeyUri(this);

    /// <summary>Names the device and picks "totp" or "hotp"; the page then shows the secret and asks for a code.</summary>
    public Task<AddDevicePage> BeginAsync(string name, string? type = null) => EnrolmentForms.BeginAsync(this, name, type).As<AddDevicePage>();

    /// <summary>Activates the device; where that leads (recovery codes for a first device, the device list, this page with an error).</summary>
    public Task<ProviderPage> ConfirmAsync(string firstCode, string? secondCode = null) => EnrolmentForms.ConfirmAsync(this, firstCode, secondCode);

    /// <summary>Whether the enrolment warns to check the phone's time and time zone first.</summary>
    public bool WarnsToCheckPhoneTime => Page.Document.QuerySelector("#check-phone-time") is not null;
}
