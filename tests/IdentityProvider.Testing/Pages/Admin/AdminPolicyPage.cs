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

    /// <summary>
    /// A field's value as the form shows it, by policy property name (e.g. <c>LockoutThreshold</c>); the ticked roles as
    /// "a, b" (<c>TwoStepRequiredForRoles</c>, <c>PasskeyRequiredForRoles</c>), the days per role as lines <c>role=days</c> (<c>RememberBrowserDaysByRole</c>),
    /// the chosen radio button's value for a choice (<c>Passkeys</c>: "Off", "SecondStep" or "Passwordless"; "" when none is).
    /// </summary>
    public string Value(string property) => property switch
    {
        RequiredRoles or PasskeyRoles => string.Join(", ", AdminForms.Checked(Page, Field(property))),
        DaysByRole => string.Join("\n", DaysInputs.Where(input => (input.GetAttribute("value") ?? "").Length > 0)
            .Select(input => $"{RoleOf(input)}={input.GetAttribute("value")}")),
        _ => Page.Document.QuerySelector($"{Form} [name='{Field(property)}']") is { } field
            ? field.LocalName == "textarea" ? field.TextContent
                : field.GetAttribute("type") == "radio" ? AdminForms.Checked(Page, Field(property)).FirstOrDefault() ?? ""
                : field.GetAttribute("value") ?? ""
            : throw new Xunit.Sdk.XunitException($"No policy field {property} on {Page.Uri}"),
    };

    /// <summary>The values a choice's radio buttons offer (<c>Passkeys</c>: "Off", "SecondStep", "Passwordless").</summary>
    public IReadOnlyList<string> Choices(string property) => AdminForms.Offered(Page, Field(property));

    /// <summary>The roles the form offers (a box to require two steps, a field for remembered days).</summary>
    public IReadOnlyList<string> OfferedRoles => AdminForms.Offered(Page, Field(RequiredRoles));

    /// <summary>Whether a checkbox (e.g. <c>TotpAllowed</c>) is ticked.</summary>
    public bool IsChecked(string property) => Input(Field(property)).HasAttribute("checked");

    /// <summary>
    /// Saves the form with the given changes (policy property name → value as typed; "true"/"false" for a checkbox; roles
    /// as "a, b", days per role as lines <c>role=days</c> and a choice by its value, as <see cref="Value"/> reads them; a role
    /// or choice the form does not offer is posted anyway, as a hand-made request would), every other field as shown. Ends on
    /// this page: saved, or the form with its messages.
    /// </summary>
    public Task<ProviderPage> SaveAsync(IReadOnlyDictionary<string, string> changes)
    {
        var shown = new List<KeyValuePair<string, string>>();
        foreach (var input in Page.Document.QuerySelectorAll($"{Form} input:not([type=hidden])"))
        {
            var name = input.GetAttribute("name")!;
            var value = input.GetAttribute("type") switch
            {
                "radio" => input.HasAttribute("checked") ? input.GetAttribute("value") : null,
                "checkbox" when name == Field(RequiredRoles) || name == Field(PasskeyRoles) => input.HasAttribute("checked") ? input.GetAttribute("value") : null,
                "checkbox" => input.HasAttribute("checked") ? "true" : "false",
                _ => input.GetAttribute("value") ?? "",
            };
            if (value is not null)
            {
                shown.Add(new(name, value));
            }
        }

        foreach (var (property, value) in changes)
        {
            var replaced = property == DaysByRole ? Field(DaysByRole) + "[" : Field(property);
            shown.RemoveAll(field => property == DaysByRole ? field.Key.StartsWith(replaced, StringComparison.Ordinal) : field.Key == replaced);
            shown.AddRange(property switch
            {
                RequiredRoles or PasskeyRoles => value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(role => new KeyValuePair<string, string>(Field(property), role)),
                DaysByRole => value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => line.Split('=', 2))
                    .Select(pair => new KeyValuePair<string, string>($"{Field(DaysByRole)}[{pair[0]}]", pair.Length > 1 ? pair[1] : "")),
                _ => [new KeyValuePair<string, string>(Field(property), value)],
            });
        }

        return AdminForms.PostAsync(Page, Form, shown);
    }

    private const string RequiredRoles = "TwoStepRequiredForRoles";
    private const string PasskeyRoles = "PasskeyRequiredForRoles";
    private const string DaysByRole = "RememberBrowserDaysByRole";

    private IEnumerable<AngleSharp.Dom.IElement> DaysInputs =>
        Page.Document.QuerySelectorAll($"{Form} input[name^='{Field(DaysByRole)}[']");

    private static string Field(string property) => $"Input.{property}";

    private static string RoleOf(AngleSharp.Dom.IElement daysInput) =>
        daysInput.GetAttribute("name")![(Field(DaysByRole).Length + 1)..^1];
}
