using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// The users, searchable by e-mail address or name, narrowed to two-step off, locked or suspended, by address or by last
/// sign-in, a page at a time, each linking to the user's page.
/// </summary>
public sealed class IndexModel(UserDirectory directory, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    /// <summary>Part of an e-mail address or name; empty lists everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>One of <see cref="UserListFilters.All"/> (two-step off, locked, suspended), or empty for everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    /// <summary>One of <see cref="UserListFilters.Orders"/>, or empty for by e-mail address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>The page shown, from 1 (as typed in the address: anything else gets a message).</summary>
    // Note: not "page", which Razor Pages reserves for the page's own route value.
    [BindProperty(SupportsGet = true)]
    public string? PageNumber { get; set; }

    public UserListPage? Found { get; private set; }

    public IReadOnlyList<UserRow> Rows => Found?.Users ?? [];

    public string? Message { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var search = Search?.Trim() ?? "";
        if (search.Length > UserDirectory.MaxSearchLength)
        {
            Message = new Sentence("Search.TooLong", UserDirectory.MaxSearchLength).In(messages);
            return;
        }

        if (!UserListFilters.IsKnownFilter(Filter) || !UserListFilters.IsKnownOrder(Sort))
        {
            Message = text["Users.ChooseFilter"];
            return;
        }

        var page = 1;
        if (!string.IsNullOrEmpty(PageNumber) && (!int.TryParse(PageNumber, out page) || page is < 1 or > UserDirectory.MaxPage))
        {
            Message = text["Common.ChoosePage", UserDirectory.MaxPage];
            return;
        }

        Found = await directory.ListAsync(search, page, filter: Filter, sort: Sort);
        if (Found.Total == 0)
        {
            Message = search.Length > 0 || !string.IsNullOrEmpty(Filter) ? text["Users.NoMatch"] : text["Users.None"];
        }
        else if (Rows.Count == 0)
        {
            Message = text["Common.OnlyPages", Found.Pages];
        }
    }

    /// <summary>The address of another page of the same search, filter and order.</summary>
    public string PageLink(int page) =>
        $"/admin/users?search={Uri.EscapeDataString(Search?.Trim() ?? "")}&filter={Uri.EscapeDataString(Filter ?? "")}"
        + $"&sort={Uri.EscapeDataString(Sort ?? "")}&pageNumber={page}";
}
