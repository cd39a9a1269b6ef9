using AngleSharp.Html.Dom;

namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>Posting an admin form with fields that repeat (checkbox lists), which a dictionary of fields cannot say.</summary>
internal static class AdminForms
{
    /// <summary>
    /// Posts the form's hidden inputs (the antiforgery token) with exactly <paramref name="fields"/>, in place of
    /// what the form shows checked or typed, and follows the answer.
    /// </summary>
    public static async Task<ProviderPage> PostAsync(ProviderPage page, string formSelector, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {page.Uri}: {page.Text.Trim()}");
        var posted = fields.ToList();
        // A hidden input named like a posted field (the "false" ASP.NET adds after a checkbox) gives way to it.
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name) && !posted.Any(field => field.Key == input.Name))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Concat(posted)
            .ToList();
        var target = new Uri(page.Uri, form.GetAttribute("action") is { Length: > 0 } action ? action : page.Uri.PathAndQuery);
        return await page.Client.FollowAsync(await page.Client.Http.PostAsync(target, new FormUrlEncodedContent(values)));
    }

    /// <summary>The values of the checked boxes named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Checked(ProviderPage page, string name) =>
        page.Document.QuerySelectorAll($"input[name='{name}'][checked]").Select(input => input.GetAttribute("value") ?? "").ToList();

    /// <summary>The values offered by the boxes named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Offered(ProviderPage page, string name) =>
        page.Document.QuerySelectorAll($"input[name='{name}']").Select(input => input.GetAttribute("value") ?? "").ToList();

    /// <summary>
    /// Submits the form as a browser does (every input as shown, <paramref name="fields"/> in their place) with the roles
    /// <paramref name="roles"/> ("admin, staff") picked: the box of each role the form offers, the first other one typed as
    /// a new role, any further ones posted as boxes (as a hand-made request would); null leaves the roles as shown.
    /// </summary>
    public static async Task<ProviderPage> SubmitWithRolesAsync(ProviderPage page, string formSelector, IReadOnlyDictionary<string, string> fields, string? roles)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {page.Uri}: {page.Text.Trim()}");
        var replaced = roles is null ? fields.Keys.ToHashSet() : [.. fields.Keys, RolesField, NewRoleField];
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && !replaced.Contains(input.Name) && !(input.Type is "checkbox" or "radio" && !input.IsChecked))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Concat(fields)
            .ToList();
        if (roles is not null)
        {
            var offered = Offered(page, RolesField);
            var wanted = roles.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var others = wanted.Where(role => !offered.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();
            values.AddRange(wanted.Except(others).Select(role => new KeyValuePair<string, string>(RolesField, role)));
            values.Add(new(NewRoleField, others.FirstOrDefault() ?? ""));
            values.AddRange(others.Skip(1).Select(role => new KeyValuePair<string, string>(RolesField, role)));
        }

        var target = new Uri(page.Uri, form.GetAttribute("action") is { Length: > 0 } action ? action : page.Uri.PathAndQuery);
        return await page.Client.FollowAsync(await page.Client.Http.PostAsync(target, new FormUrlEncodedContent(values)));
    }

    private const string RolesField = "Input.Roles";
    private const string NewRoleField = "Input.NewRole";
}
