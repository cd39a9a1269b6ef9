using IdentityProvider.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>The users, searchable by e-mail address or name, a page at a time, each linking to the user's page.</summary>
public sealed class IndexModel(UserDirectory directory) : PageModel
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
            Message = $"Search with at most {UserDirectory.MaxSearchLength} characters.";
            return;
        }

        var page = 1;
        if (!string.IsNullOrEmpty(PageNumber) && (!int.TryParse(PageNumber, out page) || page is < 1 or > UserDirectory.MaxPage))
        {
            Message = $"Choose a page from 1 to {UserDirectory.MaxPage}.";
            return;
        }

        Found = await directory.ListAsync(search, page);
        if (Found.Total == 0)
        {
            Message = search.Length > 0 ? "No user's e-mail address or name contains that." : "There are no users yet.";
        }
        else if (Rows.Count == 0)
        {
            Message = $"There are only {Found.Pages} pages.";
        }
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        $"/admin/users?search={Uri.EscapeDataString(Search?.Trim() ?? "")}&pageNumber={page}";

    /// <summary>"Until unlocked", "until 2025-01-31 10:00 UTC", or "No".</summary>
    public static string Lock(UserRow row) => row.LockedUntil switch
    {
        null => "No",
        { } end when end >= UserAccess.IndefiniteLockEnd => "Until unlocked",
        { } end => "Until " + end.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string TwoStep(UserRow row) =>
        row.TwoStepSuspended ? "Suspended" : row.Devices switch { 0 => "Off", 1 => "On (1 device)", var count => $"On ({count} devices)" };

    public static string LastSignIn(UserRow row) =>
        row.LastSignInAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "Never";
}
