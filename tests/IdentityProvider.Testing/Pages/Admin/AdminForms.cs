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
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .Concat(fields)
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
}
