using IdentityProvider.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>The users, searchable by e-mail address, each linking to its two-step sign-in tab.</summary>
public sealed class IndexModel(UserDirectory directory) : PageModel
{
    /// <summary>More matches than this ask for a narrower search rather than a longer page.</summary>
    public const int PageSize = 50;

    /// <summary>Part of an e-mail address; empty lists everyone (the first <see cref="PageSize"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public bool MoreThanShown { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        var search = Email?.Trim() ?? "";
        if (search.Length > UserDirectory.MaxSearchLength)
        {
            Message = $"Search with at most {UserDirectory.MaxSearchLength} characters.";
            return;
        }

        (Rows, MoreThanShown) = await directory.SearchAsync(search, PageSize);
        if (Rows.Count == 0)
        {
            Message = search.Length > 0 ? "No user's e-mail address contains that." : "There are no users yet.";
        }
    }
}
