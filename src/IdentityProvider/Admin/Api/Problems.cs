using IdentityProvider.Localization;

namespace IdentityProvider.Admin.Api;

/// <summary>RFC 9457 problem documents for the admin API's refusals, in English whatever the caller's language.</summary>
public static class Problems
{
    /// <summary>404: "No user has that id." (<paramref name="what"/> and <paramref name="key"/> are the API's English nouns).</summary>
    public static IResult NotFound(string what, string key = "id") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: new Sentence("Api.NotFound", what, key).English);

    /// <summary>400 with the message of each invalid field (field names as in the request body, camelCase).</summary>
    public static IResult Invalid(IEnumerable<FieldProblem> problems) =>
        Results.ValidationProblem(problems
            .GroupBy(problem => JsonName(problem.Field), problem => problem.Message.English)
            .ToDictionary(group => group.Key, group => group.ToArray()));

    public static IResult Invalid(string field, Sentence message) => Invalid([new FieldProblem(field, message)]);

    /// <summary>409: the request is valid but contradicts the current state (e.g. removing the last administrator).</summary>
    public static IResult Conflict(Sentence detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail.English);

    /// <summary>403: the caller's rights do not reach this (a user-manager's change to an administrator).</summary>
    public static IResult Forbidden(Sentence detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail.English);

    /// <summary>
    /// A refused change: 404 naming <paramref name="what"/> and its <paramref name="key"/>, 400 with each field's problems,
    /// 409 with what the conflict says, 403 with why the caller may not.
    /// </summary>
    public static IResult Refusal(ChangeResult refusal, string what, string key = "id") => refusal.Outcome switch
    {
        ChangeOutcome.NotFound => NotFound(what, key),
        ChangeOutcome.Conflict => Conflict(refusal.Message!),
        ChangeOutcome.Forbidden => Forbidden(refusal.Message!),
        _ => Invalid(refusal.Problems),
    };

    private static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
