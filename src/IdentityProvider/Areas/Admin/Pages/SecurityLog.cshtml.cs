using IdentityProvider.Admin.SecurityEvents;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>
/// The security log: filtered by user, event types and a date range typed in the reader's time zone (converted to UTC),
/// newest first, a page at a time, and the filtered list exported as CSV. Reading only (GET), so no fresh code is asked;
/// the admin area's rules apply.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SecurityLogModel(SecurityEventQuery query, LocalTimes times, TimeProvider time, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages)
    : PageModel
{
    /// <summary>The filter as typed; the field names the API's query string uses, capitalised.</summary>
    /// <remarks>
    /// Note: named, so that an address without a filter binds nothing: unnamed, the binder fell back to the bare
    /// names and read Razor's own "page" route value as the page number, refusing the unfiltered log.
    /// </remarks>
    [BindProperty(SupportsGet = true, Name = nameof(Filter))]
    public SecurityEventCriteria Filter { get; set; } = new();

    public SecurityEventPage? Found { get; private set; }

    public int LastPage => Found is { Total: > 0 } found ? ((found.Total - 1) / found.PageSize) + 1 : 1;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Check() is { } filter)
        {
            Found = await query.PageAsync(filter, HttpContext.RequestAborted);
        }

        return Page();
    }

    /// <summary>"Export CSV": every event of the filter (not only the page shown), as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Check() is not { } filter)
        {
            return Page();
        }

        Response.ContentType = SecurityLogCsv.ContentType + "; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = SecurityLogCsv.FileName(time.GetUtcNow()),
        }.ToString();
        await SecurityLogCsv.WriteAsync(query.AllAsync(filter, HttpContext.RequestAborted), Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>The address of this filter on <paramref name="page"/>, or of its CSV export.</summary>
    public string LinkTo(int page, bool export = false) =>
        Url.Page("/SecurityLog", export ? "Export" : null, new Dictionary<string, object?>
        {
            [nameof(Filter) + "." + nameof(SecurityEventCriteria.User)] = Filter.User,
            [nameof(Filter) + "." + nameof(SecurityEventCriteria.Type)] = Filter.Type,
            [nameof(Filter) + "." + nameof(SecurityEventCriteria.From)] = Filter.From,
            [nameof(Filter) + "." + nameof(SecurityEventCriteria.To)] = Filter.To,
            [nameof(Filter) + "." + nameof(SecurityEventCriteria.Page)] = export ? null : page,
        }) ?? "";

    /// <summary>Who acted: the administrator's address, else the actor's id (a service client), else the client used.</summary>
    public string ActorOf(SecurityEventRow row) =>
        row.ActorEmail ?? row.ActorId ?? (row.ClientId is { } client ? text["SecurityLog.Client", client] : "");

    private SecurityEventFilter? Check()
    {
        // Note: the criteria are text here, checked by the same rules as the API's query string.
        ModelState.Clear();
        var (filter, problems) = SecurityEventFilter.Read(Filter.FromLocalTimes(times.Zone));
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError($"{nameof(Filter)}.{char.ToUpperInvariant(field[0])}{field[1..]}", message.In(messages));
        }

        return filter;
    }
}
