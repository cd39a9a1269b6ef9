using IdentityProvider.Localization;

namespace IdentityProvider.Admin.Api;

/// <summary>RFC 9457 problem documents for the admin API's refusals.</summary>
public static class Problems
{
    public static IResult NotFound(string what, string key = "id") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} has that {key}.");

    /// <summary>400 with the message of each invalid field (field names as in the request body, camelCase).</summary>
    public static IResult Invalid(IEnumerable<(string Field, string Message)> problems) =>
        Results.ValidationProblem(problems
            .GroupBy(problem => JsonName(problem.Field), problem => problem.Message)
            .ToDictionary(group => group.Key, group => group.ToArray()));

    /// <summary>The same with a service's sentences, in English: the admin API speaks English whatever the caller's language.</summary>
    public static IResult Invalid(IEnumerable<(string Field, Sentence Message)> problems) =>
        Invalid(problems.Select(problem => (problem.Field, problem.Message.English)));

    public static IResult Invalid(string field, string message) => Invalid([(field, message)]);

    /// <summary>409: the request is valid but contradicts the current state (e.g. removing the last administrator).</summary>
    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    private static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
