using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>The users, searchable by e-mail address or name, a page at a time, each linking to the user's page.</summary>
public sealed class IndexModel(UserDirectory directory, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    /// <summary>Part of an e-mail address or name; empty lists everyone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

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

        var page = 1;
        if (!string.IsNullOrEmpty(PageNumber) && (!int.TryParse(PageNumber, out page) || page is < 1 or > UserDirectory.MaxPage))
        {
            Message = text["Common.ChoosePage", UserDirectory.MaxPage];
            return;
        }

        Found = await directory.ListAsync(search, page);
        if (Found.Total == 0)
        {
            Message = search.Length > 0 ? text["Users.NoMatch"] : text["Users.None"];
        }
        else if (Rows.Count == 0)
        {
            Message = text["Common.OnlyPages", Found.Pages];
        }
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        $"/admin/users?search={Uri.EscapeDataString(Search?.Trim() ?? "")}&pageNumber={page}";
}
