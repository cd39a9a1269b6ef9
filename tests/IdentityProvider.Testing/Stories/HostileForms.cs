using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.Testing.Stories;

/// <summary>What an attacker does to a form (or its request) instead of typing what a person would.</summary>
public enum FormAttack
{
    /// <summary>Every typed field 100,000 characters long.</summary>
    Overlong,

    /// <summary>A NUL inside every typed field.</summary>
    Nul,

    /// <summary>BEL, ESC and a line break that would forge a log line.</summary>
    ControlCharacters,

    /// <summary>A right-to-left override (U+202E) that reorders what people read.</summary>
    BidiOverride,

    /// <summary>Only zero-width characters (U+200B, U+200D, U+FEFF): blank once they are removed.</summary>
    ZeroWidth,

    /// <summary>Markup that runs script if it is shown unencoded.</summary>
    Html,

    /// <summary>A classic SQL injection string.</summary>
    Sql,

    /// <summary>Every field sent twice, with different values.</summary>
    DuplicatedFields,

    /// <summary>Percent-encoded bytes that are not UTF-8 (<c>%C3%28</c>).</summary>
    PercentEncodedInvalidUtf8,

    /// <summary>The same bytes raw in the body.</summary>
    RawInvalidUtf8,

    /// <summary>The fields (antiforgery token included) as a JSON document instead of a form.</summary>
    JsonBody,

    /// <summary>A 5 MB field: more than a form may carry.</summary>
    OversizedBody,

    /// <summary>No antiforgery token.</summary>
    MissingAntiforgery,

    /// <summary>A made-up antiforgery token.</summary>
    ForgedAntiforgery,

    /// <summary>A real antiforgery token of another browser.</summary>
    ForeignAntiforgery,
}

/// <summary>
/// The hostile-input suite's driver: "send this attack to that form". Opens the form as the given browser, fills the
/// target's baseline (placeholders resolved), applies the attack and posts the request a hand-made client would.
/// </summary>
public static class HostileForms
{
    public const string HtmlPayload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    public const string SqlPayload = "x' OR '1'='1'; DROP TABLE \"AspNetUsers\"; --";

    /// <summary>What the attacks that change a value put into each typed field.</summary>
    public static string Payload(FormAttack attack) => attack switch
    {
        FormAttack.Overlong => new string('a', 100_000),
        FormAttack.Nul => "ab\0cd",
        FormAttack.ControlCharacters => "ab\u0007\u001B[31m\r\n[00:00 INF] forged",
        FormAttack.BidiOverride => "Phone\u202Eexe.gpj",
        FormAttack.ZeroWidth => "\u200B\u200D\uFEFF",
        FormAttack.Html => HtmlPayload,
        FormAttack.Sql => SqlPayload,
        FormAttack.OversizedBody => new string('a', 5 * 1024 * 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "This attack does not replace field values."),
    };

    /// <summary>
    /// Sends <paramref name="attack"/> to <paramref name="target"/> as <paramref name="client"/> and follows the answer.
    /// <paramref name="values"/> fills the placeholders of <see cref="HostileTargets"/>; <paramref name="foreignToken"/>
    /// is another browser's antiforgery token (for <see cref="FormAttack.ForeignAntiforgery"/>).
    /// </summary>
    public static async Task<ProviderPage> SendAsync(
        ProviderClient client, FormTarget target, FormAttack attack, IReadOnlyDictionary<string, string> values, string? foreignToken = null)
    {
        var page = await client.GetAsync(Resolve(target.OpenPath, values));
        var form = page.Document.QuerySelector(target.FormSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No form '{target.FormSelector}' for {target.Name} on {page.Uri} ({(int)page.Status}): {page.Text.Trim()}");
        var fields = FormFields(form, target, values);
        var action = target.Action ?? (form.GetAttribute("action") is { Length: > 0 } formAction ? formAction : page.Uri.PathAndQuery);
        using var content = Body(fields, target, attack, foreignToken);
        return await client.FollowAsync(await client.Http.PostAsync(new Uri(page.Uri, action), content));
    }

    /// <summary>Sends a hand-made request to a protocol endpoint or the admin API (placeholders resolved); the answer as it is.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, EndpointAttack attack, IReadOnlyDictionary<string, string> values)
    {
        var body = attack.Body;
        if (Encoding.Latin1.GetString(body) is var text && text.Contains('{', StringComparison.Ordinal) && values.Keys.Append(HostileTargets.Unique).Any(text.Contains))
        {
            body = Encoding.UTF8.GetBytes(Resolve(Encoding.UTF8.GetString(body), values));
        }

        using var request = new HttpRequestMessage(new HttpMethod(attack.Method), Resolve(attack.Path, values));
        if (attack.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(attack.ContentType);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The antiforgery token a browser gets with the sign-in page (another browser's token, for a forgery).</summary>
    public static async Task<string> AntiforgeryTokenAsync(ProviderClient client)
    {
        var page = await client.GetAsync(LoginPage.Path);
        return page.Document.QuerySelector($"input[name='{HostileTargets.AntiforgeryField}']")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The sign-in page carries no antiforgery token.");
    }

    /// <summary>The placeholders of <paramref name="text"/> filled; <see cref="HostileTargets.Unique"/> new each time.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> values)
    {
        var resolved = text.Replace(HostileTargets.Unique, Guid.NewGuid().ToString("N")[..12], StringComparison.Ordinal);
        foreach (var (placeholder, value) in values)
        {
            resolved = resolved.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return resolved;
    }

    /// <summary>The form's hidden inputs and ticked boxes, then the target's baseline in place of what it names.</summary>
    private static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form, FormTarget target, IReadOnlyDictionary<string, string> values)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && !target.Fields.ContainsKey(input.Name!)
                && (input.Type == "hidden" || input.Type is "checkbox" or "radio" && input.IsChecked || input.Type is "text" or "number" or "email"))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value))
            .ToList();
        fields.AddRange(target.Fields.Select(field => new KeyValuePair<string, string>(field.Key, Resolve(field.Value, values))));
        return fields;
    }

    private static HttpContent Body(List<KeyValuePair<string, string>> fields, FormTarget target, FormAttack attack, string? foreignToken)
    {
        bool IsTyped(KeyValuePair<string, string> field) => target.TextFields.Contains(field.Key);
        List<KeyValuePair<string, string>> With(Func<KeyValuePair<string, string>, string> value) =>
            fields.Select(field => new KeyValuePair<string, string>(field.Key, value(field))).ToList();
        List<KeyValuePair<string, string>> WithToken(string? token) =>
            fields.Where(field => field.Key != HostileTargets.AntiforgeryField)
                .Concat(token is null ? [] : [new(HostileTargets.AntiforgeryField, token)])
                .ToList();

        switch (attack)
        {
            case FormAttack.Overlong or FormAttack.Nul or FormAttack.ControlCharacters or FormAttack.BidiOverride or FormAttack.ZeroWidth
                or FormAttack.Html or FormAttack.Sql:
                return new FormUrlEncodedContent(With(field => IsTyped(field) ? Payload(attack) : field.Value));
            case FormAttack.OversizedBody:
                var first = target.TextFields[0];
                return new FormUrlEncodedContent(With(field => field.Key == first ? Payload(attack) : field.Value));
            case FormAttack.DuplicatedFields:
                return new FormUrlEncodedContent(fields.Concat(fields.Select(field =>
                    new KeyValuePair<string, string>(field.Key, IsTyped(field) ? field.Value + "-second" : field.Value))));
            case FormAttack.PercentEncodedInvalidUtf8 or FormAttack.RawInvalidUtf8:
                return RawForm(fields, IsTyped, attack == FormAttack.RawInvalidUtf8);
            case FormAttack.JsonBody:
                var json = JsonSerializer.Serialize(fields.DistinctBy(field => field.Key).ToDictionary(field => field.Key, field => field.Value));
                return new StringContent(json, Encoding.UTF8, "application/json");
            case FormAttack.MissingAntiforgery:
                return new FormUrlEncodedContent(WithToken(null));
            case FormAttack.ForgedAntiforgery:
                return new FormUrlEncodedContent(WithToken("CfDJ8" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=') + new string('A', 120)));
            case FormAttack.ForeignAntiforgery:
                return new FormUrlEncodedContent(WithToken(foreignToken ?? throw new ArgumentNullException(nameof(foreignToken))));
            default:
                throw new ArgumentOutOfRangeException(nameof(attack), attack, null);
        }
    }

    /// <summary>A form body written by hand: each typed field is <c>ab</c>, the bytes C3 28 (not UTF-8), <c>cd</c>, escaped or raw.</summary>
    private static ByteArrayContent RawForm(List<KeyValuePair<string, string>> fields, Func<KeyValuePair<string, string>, bool> isTyped, bool raw)
    {
        using var body = new MemoryStream();
        foreach (var field in fields)
        {
            if (body.Length > 0)
            {
                body.WriteByte((byte)'&');
            }

            body.Write(Encoding.ASCII.GetBytes(Uri.EscapeDataString(field.Key) + "="));
            body.Write(isTyped(field)
                ? raw ? [(byte)'a', (byte)'b', 0xC3, 0x28, (byte)'c', (byte)'d'] : Encoding.ASCII.GetBytes("ab%C3%28cd")
                : Encoding.ASCII.GetBytes(Uri.EscapeDataString(field.Value)));
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
