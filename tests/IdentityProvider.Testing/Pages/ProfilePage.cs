namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Profile</c>: the user's name, given and family name and phone number.</summary>
public sealed class ProfilePage(ProviderPage page) : PageObject(page), IPageObject<ProfilePage>
{
    public const string Path = "/Manage/Profile";

    /// <summary>The link on the account page.</summary>
    public const string LinkText = "Edit profile";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ProfilePage Create(ProviderPage page) => new(page);

    public static Task<ProfilePage> OpenAsync(ProviderClient client) => client.OpenAsync<ProfilePage>(Path);

    public string Name => Value("Input.Name");

    public string GivenName => Value("Input.GivenName");

    public string FamilyName => Value("Input.FamilyName");

    public string PhoneNumber => Value("Input.PhoneNumber");

    /// <summary>Whether the stored number is verified, as the page says it ("This number is verified."); empty without a number.</summary>
    public string PhoneState => Page.Document.QuerySelector("#phone-state")?.TextContent.Trim() ?? "";

    /// <summary>Saves the form with these values (null: as shown); where that leads (the account page, or this page with errors).</summary>
    public Task<ProviderPage> SaveAsync(string? name = null, string? givenName = null, string? familyName = null, string? phoneNumber = null)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (field, value) in new[] { ("Input.Name", name), ("Input.GivenName", givenName), ("Input.FamilyName", familyName), ("Input.PhoneNumber", phoneNumber) })
        {
            if (value is not null)
            {
                fields[field] = value;
            }
        }

        return SubmitAsync(fields);
    }

    /// <summary>Posts the form with a field the page does not have (a hand-made request claiming the number is verified).</summary>
    public Task<ProviderPage> SaveClaimingVerifiedAsync(string phoneNumber) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.PhoneNumber"] = phoneNumber, ["Input.PhoneNumberVerified"] = "true", ["Input.PhoneNumberConfirmed"] = "true" });

    private string Value(string name) => Input(name).GetAttribute("value") ?? "";
}
