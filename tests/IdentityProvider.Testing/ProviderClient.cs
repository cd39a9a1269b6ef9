using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace IdentityProvider.Testing;

/// <summary>
/// Drives the provider's pages like a browser without JavaScript: keeps cookies, follows redirects within
/// the provider, and submits forms with their hidden fields (antiforgery tokens included).
/// </summary>
public sealed class ProviderClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<ProviderPage> GetAsync(string url) => await FollowAsync(await http.GetAsync(url));

    /// <summary>Submits the page's form (the first, or the one matching <paramref name="formSelector"/>) and follows the answer.</summary>
    public async Task<ProviderPage> SubmitAsync(
        ProviderPage page,
        IReadOnlyDictionary<string, string>? fields = null,
        (string Name, string Value)? button = null,
        string formSelector = "main form") =>
        await FollowAsync(await PostFormAsync(page, fields, button, formSelector));

    /// <summary>
    /// Posts the page's form like <see cref="SubmitAsync"/> but does not follow the answer, so a test can read the
    /// status, Location and Set-Cookie headers of that one response. <paramref name="action"/> replaces the form's
    /// action (a forged post to another handler, with this form's antiforgery token).
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        ProviderPage page,
        IReadOnlyDictionary<string, string>? fields = null,
        (string Name, string Value)? button = null,
        string formSelector = "main form",
        string? action = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Uri}: {page.Text.Trim()}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            var isUnchecked = input.Type is "checkbox" or "radio" && !input.IsChecked;
            if (!string.IsNullOrEmpty(input.Name) && !isUnchecked && !(fields?.ContainsKey(input.Name) ?? false))
            {
                values.Add(new(input.Name, input.Value));
            }
        }

        values.AddRange(fields ?? new Dictionary<string, string>());
        if (button is { } pressed)
        {
            values.Add(new(pressed.Name, pressed.Value));
        }

        var target = new Uri(page.Uri, action ?? (form.GetAttribute("action") is { Length: > 0 } formAction ? formAction : page.Uri.PathAndQuery));
        return await http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Submits a form with a file input (<c>enctype="multipart/form-data"</c>) as a browser does: the form's fields
    /// (antiforgery token included), <paramref name="fields"/>, and the file under <paramref name="fileField"/>; follows the answer.
    /// </summary>
    public async Task<ProviderPage> SubmitWithFileAsync(
        ProviderPage page,
        string fileField,
        (string Name, byte[] Content) file,
        IReadOnlyDictionary<string, string>? fields = null,
        string formSelector = "main form")
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Uri}: {page.Text.Trim()}");
        using var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (!string.IsNullOrEmpty(input.Name) && input.Type != "file" && !(fields?.ContainsKey(input.Name) ?? false))
            {
                content.Add(new StringContent(input.Value), input.Name);
            }
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(file.Content), fileField, file.Name);
        var target = new Uri(page.Uri, form.GetAttribute("action") is { Length: > 0 } formAction ? formAction : page.Uri.PathAndQuery);
        return await FollowAsync(await http.PostAsync(target, content));
    }

    public async Task<ProviderPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            var requestUri = response.RequestMessage!.RequestUri!;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect)
            {
                var location = new Uri(requestUri, response.Headers.Location!);
                if (location.Authority != http.BaseAddress!.Authority)
                {
                    return new ProviderPage(response, requestUri, "", Parser.ParseDocument(""), location) { Client = this };
                }

                response = await http.GetAsync(location);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            return new ProviderPage(response, requestUri, body, Parser.ParseDocument(body), null) { Client = this };
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    public void Dispose() => http.Dispose();
}
