using System.Diagnostics;
using IdentityProvider.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Pages;

/// <summary>
/// The one error page: protocol errors that must not go back to the client (unknown client_id, a
/// redirect_uri that is not registered), HTTP status codes and unexpected failures, never with a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "The request could not be completed.";

    public string? Error { get; private set; }

    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var response = HttpContext.GetOpenIddictServerResponse();
        if (response?.Error is not null)
        {
            Title = "This sign-in request cannot be accepted";
            Error = response.Error;
            Message = response.ErrorDescription ?? "The application sent a request the provider cannot accept.";
            return;
        }

        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (DatabaseOutage.Is(exception))
        {
            // Fail closed and say so: without the database nothing is accepted.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Title = "Temporarily unavailable";
            Message = "The sign-in service cannot reach its database. Try again in a moment.";
            return;
        }

        RequestId = exception is null ? null : Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = status switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is no page at this address."),
            StatusCodes.Status400BadRequest => ("Bad request", "The request was malformed."),
            StatusCodes.Status403Forbidden => ("Access denied", "You do not have access to this page."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Too many requests from this address. Try again in a minute."),
            _ => (Title, Message),
        };
    }
}
