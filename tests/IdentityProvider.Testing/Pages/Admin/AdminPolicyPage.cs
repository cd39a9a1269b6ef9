namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/policy</c>: every rule of the provider's policy, with the version it was read at.</summary>
public sealed class AdminPolicyPage(ProviderPage page) : PageObject(page), IPageObject<AdminPolicyPage>
{
    public const string Path = "/admin/policy";

    private const string Form = "form#policy";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminPolicyPage Create(ProviderPage page) => new(page);

    public static Task<AdminPolicyPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminPolicyPage>(Path);

    /// <summary>Opens the page as anyone (non-administrator, anonymous): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>"Version N." (or the defaults' version 0), as the page states it.</summary>
    public string VersionText => Page.Document.QuerySelector("#policy-version")?.TextContent.Trim() ?? "";

    /// <summary>The version the form carries (what saving is checked against).</summary>
    public long FormVersion => long.Parse(Input("Input.Version").GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A field's value as the form shows it, by policy property name (e.g. <c>LockoutThreshold</c>).</summary>
    public string Value(string property) =>
        Page.Document.QuerySelector($"{Form} [name='Input.{property}']") is { } field
            ? field.LocalName == "textarea" ? field.TextContent : field.GetAttribute("value") ?? ""
            : throw new Xunit.Sdk.XunitException($"No policy field {property} on {Page.Uri}");

    /// <summary>Whether a checkbox (e.g. <c>TotpAllowed</c>) is ticked.</summary>
    public bool IsChecked(string property) => Input($"Input.{property}").HasAttribute("checked");

    /// <summary>
    /// Saves the form with the given changes (policy property name → value as typed; "true"/"false" for a checkbox),
    /// every other field as shown. Ends on this page: saved, or the form with its messages.
    /// </summary>
    public Task<ProviderPage> SaveAsync(IReadOnlyDictionary<string, string> changes)
    {
        var fields = new Dictionary<string, string>();
        foreach (var checkbox in Page.Document.QuerySelectorAll($"{Form} input[type=checkbox]"))
        {
            var name = checkbox.GetAttribute("name")!;
            fields[name] = checkbox.HasAttribute("checked") ? "true" : "false";
        }

        // The driver posts inputs only: a textarea goes as shown unless changed.
        foreach (var area in Page.Document.QuerySelectorAll($"{Form} textarea"))
        {
            fields[area.GetAttribute("name")!] = area.TextContent;
        }

        foreach (var (property, value) in changes)
        {
            fields[$"Input.{property}"] = value;
        }

        return SubmitAsync(fields, formSelector: Form);
    }
}
