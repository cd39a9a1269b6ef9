using System.Net.Mime;
using System.Text.Json;
using IdentityProvider.Localization;

namespace IdentityProvider.Admin.Api;

/// <summary>
/// A JSON body an endpoint reads itself, so that a value it cannot read (an unknown choice, a word for a number) is a 400
/// naming the field. Why: minimal APIs' own binding answers such a body with a 400 that names nothing (and throws in
/// Development). Describe the body with <c>.Accepts&lt;T&gt;()</c>, as the binding would have.
/// </summary>
public static class JsonBody
{
    /// <summary>The body (null for a JSON <c>null</c>), or the problem to answer: 415 when it is not JSON, 400 naming the unreadable field.</summary>
    /// <param name="refusal">What to say of the field (its JSON name) whose value could not be read.</param>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, Func<string, Sentence> refusal)
    {
        if (!request.HasJsonContentType())
        {
            return (default, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: new Sentence("Api.Body.MediaType", MediaTypeNames.Application.Json).English));
        }

        try
        {
            return (await request.ReadFromJsonAsync<T>(), null);
        }
        catch (JsonException error)
        {
            var field = FieldOf(error.Path);
            return (default, Problems.Invalid(field, refusal(field)));
        }
    }

    /// <summary>The last name of a JSON path (<c>$.policy.passkeys</c> → <c>passkeys</c>, <c>$.scopes[2]</c> → <c>scopes</c>); <c>body</c> for the whole.</summary>
    public static string FieldOf(string? path)
    {
        var last = (path ?? "").Split('.')[^1];
        var name = last.Split('[')[0].Trim('$', '\'');
        return name.Length > 0 ? name : "body";
    }
}
