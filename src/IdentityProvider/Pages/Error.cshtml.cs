using System.Diagnostics;
using IdentityProvider.Data;
using IdentityProvider.Localization;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages;

/// <summary>
/// The one error page: protocol errors that must not go back to the client (unknown client_id, a
/// redirect_uri that is not registered), HTTP status codes and unexpected failures, never with a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<AccountText> text) : PageModel
{
    public string Title { get; private set; } = text["Error.Title"];

    public string Message { get; private set; } = text["Error.Message"];

    public string? Error { get; private set; }

    /// <summary>The protocol error's description (English) on a page in another language.</summary>
    public string? Detail { get; private set; }

    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var response = HttpContext.GetOpenIddictServerResponse();
        if (response?.Error is not null)
        {
            Title = text["Error.Protocol.Title"];
            Error = response.Error;
            // Note: OpenIddict describes its errors in English only; another reader gets the page's own sentence, and the
            // description as a detail for the application's developer.
            var english = Languages.Current == "en";
            Message = english ? response.ErrorDescription ?? text["Error.Protocol.Message"] : text["Error.Protocol.Message"];
            Detail = english ? null : response.ErrorDescription;
            return;
        }

        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (DatabaseOutage.Is(exception))
        {
            // Fail closed and say so: without the database nothing is accepted.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Title = text["Error.Unavailable.Title"];
            Message = text["Error.Unavailable.Message"];
            return;
        }

        RequestId = exception is null ? null : Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = status switch
        {
            StatusCodes.Status404NotFound => Described("NotFound"),
            StatusCodes.Status400BadRequest => Described("BadRequest"),
            StatusCodes.Status403Forbidden => Described("Forbidden"),
            StatusCodes.Status429TooManyRequests => Described("TooManyRequests"),
            _ => (Title, Message),
        };
    }

    private (string Title, string Message) Described(string status) => (text[$"Error.{status}.Title"], text[$"Error.{status}.Message"]);
}
