using Microsoft.Extensions.Primitives;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>
/// Checks a protocol request before OpenIddict reads it: a form the framework cannot read (too many fields, a
/// field name or value over the limits) and a parameter holding a control character (NUL included) are answered
/// with <c>invalid_request</c> and one log line, never a 500 with a stack trace, and never reach the database
/// (PostgreSQL refuses NUL in text, which looked like an outage).
/// </summary>
public static class ProtocolRequestGuard
{
    public static IApplicationBuilder UseProtocolRequestGuard(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ConnectPaths.Prefix), branch => branch.Use(GuardAsync));

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var problem = HasControlCharacter(context.Request.Query) ? "A parameter contains a control character." : null;
        if (problem is null && context.Request.HasFormContentType)
        {
            try
            {
                // Read once here; the framework keeps the parsed form for OpenIddict.
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                problem = HasControlCharacter(form) ? "A parameter contains a control character." : null;
            }
            catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
            {
                problem = "The request body cannot be read (too many fields, or a field name or value too long).";
            }
        }

        if (problem is null)
        {
            await next(context);
            return;
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProtocolRequestGuard))
            .LogInformation("Refused a malformed request to {Path}: {Problem}", context.Request.Path.Value, problem);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        // A browser (authorize, end session) gets the error page; a client gets the OAuth error as JSON.
        if (context.Request.Path.StartsWithSegments(ConnectPaths.Authorize) || context.Request.Path.StartsWithSegments(ConnectPaths.EndSession))
        {
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
        {
            [Parameters.Error] = Errors.InvalidRequest,
            [Parameters.ErrorDescription] = problem,
        });
    }

    private static bool HasControlCharacter(IEnumerable<KeyValuePair<string, StringValues>> parameters) =>
        parameters.Any(parameter => IsControl(parameter.Key) || parameter.Value.Any(value => value is not null && IsControl(value)));

    private static bool IsControl(string text) => text.Any(char.IsControl);
}
