using IdentityProvider.Admin.SecurityEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace IdentityProvider.Admin.Api;

/// <summary><c>/api/admin/security-events</c>: the security log, filtered, newest first; a page as JSON, or all of it as CSV.</summary>
public static class SecurityEventEndpoints
{
    public static void MapSecurityEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/security-events", ListAsync)
            .WithTags("Security log")
            .WithSummary("The security log, newest first, filtered by user (id or e-mail address), event types (repeat type= for several) and date range (UTC); "
                + $"{SecurityEventQuery.PageSize} events a page. With Accept: text/csv, every event of the filter as CSV.")
            .Produces<SecurityEventList>()
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Why: the metadata keeps one type per status code; the CSV form of the same 200 is added here.
                if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
                {
                    ok.Content ??= new Dictionary<string, OpenApiMediaType>();
                    ok.Content[SecurityLogCsv.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }

                return Task.CompletedTask;
            });
    }

    /// <param name="since">From this date (2025-01-31) or moment (2025-01-31T13:45, UTC unless an offset is given), inclusive.</param>
    /// <param name="until">To this moment, inclusive; a date alone means the end of that day.</param>
    private static async Task<IResult> ListAsync(
        HttpContext context,
        SecurityEventQuery query,
        TimeProvider time,
        [FromQuery] string? user,
        [FromQuery] string[]? type,
        [FromQuery(Name = "from")] string? since,
        [FromQuery(Name = "to")] string? until,
        [FromQuery] string? page)
    {
        var (filter, problems) = SecurityEventFilter.Read(new SecurityEventCriteria(user, type, since, until, page));
        if (filter is null)
        {
            return Problems.Invalid(problems);
        }

        if (WantsCsv(context.Request))
        {
            return Results.Stream(
                body => SecurityLogCsv.WriteAsync(query.AllAsync(filter, context.RequestAborted), body, context.RequestAborted),
                SecurityLogCsv.ContentType + "; charset=utf-8",
                SecurityLogCsv.FileName(time.GetUtcNow()));
        }

        var found = await query.PageAsync(filter, context.RequestAborted);
        return TypedResults.Ok(new SecurityEventList(found.Page, found.PageSize, found.Total, found.HasOlder, found.Rows));
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(SecurityLogCsv.ContentType, StringComparison.OrdinalIgnoreCase)
            && accept.Quality is not 0);

    /// <param name="HasOlder">Whether a next page (older events) exists.</param>
    public sealed record SecurityEventList(int Page, int PageSize, int Total, bool HasOlder, IReadOnlyList<SecurityEventRow> Events);
}
